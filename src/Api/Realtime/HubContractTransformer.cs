using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using LiveStreamX.Common;
using LiveStreamX.Progression;
using LiveStreamX.Streams;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.SignalR;
using Microsoft.OpenApi;

namespace LiveStreamX.Api.Realtime;

/// <summary>
/// Writes the hub's contract into the OpenAPI document beside the REST one, so that clients generate their types
/// for both from one file: a schema per stream and user event (its <c>type</c> a constant), the unions
/// <c>StreamEvent</c> and <c>UserEvent</c>, <c>HubMethods</c> (per wire name, the arguments as a tuple and the
/// result) and <c>ErrorCode</c>. Everything is read from the C# records and <see cref="LiveHub"/>, never listed by hand.
/// </summary>
public sealed class HubContractTransformer : IOpenApiDocumentTransformer
{
    private static readonly NullabilityInfoContext Nullability = new();

    // The records this transformer added, linked to each other once all are there (see Link).
    private readonly List<(Type Type, OpenApiSchema Schema)> added = [];

    public async Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        await AddEventsAsync<StreamEvent>(document, context, "StreamEvent", cancellationToken);
        await AddEventsAsync<UserEvent>(document, context, "UserEvent", cancellationToken);
        await AddBatchAsync(document, context, cancellationToken);
        await AddMethodsAsync(document, context, cancellationToken);
        AddErrorCodes(document);
        foreach (var (type, schema) in added)
        {
            Link(document, type, schema);
        }
    }

    /// <summary>The concrete events of <typeparamref name="TEvent"/> by wire name, ordered by name.</summary>
    public static IReadOnlyList<(string Name, Type Type)> EventTypes<TEvent>() where TEvent : class =>
        [.. typeof(TEvent).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(TEvent)) && !t.IsAbstract)
            .Select(t => (Name: WireName<TEvent>(t), Type: t))
            .OrderBy(e => e.Name, StringComparer.Ordinal)];

    /// <summary>The hub's methods by wire name, ordered by name.</summary>
    public static IReadOnlyList<(string Name, MethodInfo Method)> HubMethods() =>
        [.. typeof(LiveHub).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Select(m => (Name: m.GetCustomAttribute<HubMethodNameAttribute>()?.Name, Method: m))
            .Where(m => m.Name is not null)
            .Select(m => (m.Name!, m.Method))
            .OrderBy(m => m.Item1, StringComparer.Ordinal)];

    // An event's wire name is a constant its Type property returns, so an instance made without a constructor tells it.
    private static string WireName<TEvent>(Type type) where TEvent : class
    {
        var instance = RuntimeHelpers.GetUninitializedObject(type);
        return (string)typeof(TEvent).GetProperty("Type")!.GetValue(instance)!;
    }

    private async Task AddEventsAsync<TEvent>(OpenApiDocument document, OpenApiDocumentTransformerContext context, string unionName, CancellationToken cancellationToken)
        where TEvent : class
    {
        var union = new OpenApiSchema { OneOf = [], Description = $"Every {unionName} a client may receive, told apart by `type`." };
        foreach (var (name, type) in EventTypes<TEvent>())
        {
            var schema = await context.GetOrCreateSchemaAsync(type, cancellationToken: cancellationToken);
            schema.Properties ??= new Dictionary<string, IOpenApiSchema>();
            schema.Properties["type"] = new OpenApiSchema { Type = JsonSchemaType.String, Const = name, Enum = [JsonValue.Create(name)] };
            // Every field of an event is written, so every one is required of a reader (a null is still a value).
            schema.Required = new HashSet<string>(schema.Properties.Keys);
            schema.Description ??= $"The `{name}` event.";
            // Replaces the schema REST registered for the same record (WheelRevealed), which lacks the constant type.
            document.Components?.Schemas?.Remove(type.Name);
            document.AddComponent(type.Name, schema);
            added.Add((type, schema));
            union.OneOf.Add(new OpenApiSchemaReference(type.Name, document));
        }

        document.AddComponent(unionName, union);
    }

    private async Task AddBatchAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var batch = await context.GetOrCreateSchemaAsync(typeof(StreamEventBatch), cancellationToken: cancellationToken);
        batch.Properties!["events"] = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchemaReference("StreamEvent", document) };
        batch.Description = $"The payload of `{EventNames.StreamEvents}`: consecutive events of one stream, oldest first.";
        document.AddComponent(nameof(StreamEventBatch), batch);
    }

    private async Task AddMethodsAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var methods = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Properties = new Dictionary<string, IOpenApiSchema>(),
            Required = new HashSet<string>(),
            Description = $"The hub {LiveHub.Path}: per method's wire name, its arguments in order and its result.",
        };
        foreach (var (name, method) in HubMethods())
        {
            // Microsoft.OpenApi does not model prefixItems (JSON Schema 2020-12's tuple), so it is written as JSON.
            var items = new JsonArray();
            foreach (var parameter in method.GetParameters())
            {
                items.Add(ToJson(await SchemaOfAsync(document, context, parameter.ParameterType, cancellationToken)));
            }

            var args = new OpenApiSchema { Type = JsonSchemaType.Array, Extensions = new Dictionary<string, IOpenApiExtension> { ["prefixItems"] = new JsonNodeExtension(items) } };

            args.MinItems = method.GetParameters().Count(p => !p.HasDefaultValue);
            args.MaxItems = method.GetParameters().Length;
            var result = ResultType(method.ReturnType);
            methods.Properties[name] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Required = new HashSet<string> { "args", "result" },
                Properties = new Dictionary<string, IOpenApiSchema>
                {
                    ["args"] = args,
                    ["result"] = result is null
                        ? new OpenApiSchema { Type = JsonSchemaType.Null }
                        : await SchemaOfAsync(document, context, result, cancellationToken),
                },
            };
            methods.Required.Add(name);
        }

        document.AddComponent("HubMethods", methods);
    }

    // A record becomes a component (a name for clients to import); a primitive stays inline.
    private async Task<IOpenApiSchema> SchemaOfAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, Type type, CancellationToken cancellationToken)
    {
        var schema = await context.GetOrCreateSchemaAsync(type, cancellationToken: cancellationToken);
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying.IsPrimitive || underlying == typeof(string) || schema.Properties is not { Count: > 0 })
        {
            return schema;
        }

        if (underlying == typeof(StreamJoined))
        {
            schema.Properties["replay"] = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchemaReference("StreamEvent", document) };
            schema.Properties["chat"] = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchemaReference(nameof(Chat.ChatMessageEvent), document) };
        }

        document.AddComponent(underlying.Name, schema);
        added.Add((underlying, schema));
        return new OpenApiSchemaReference(underlying.Name, document);
    }

    /// <summary>
    /// The schemas made here come with their records' fields inline and a nullable record as if it were not; a field
    /// whose record is a component becomes a reference to it, with null allowed where the C# field allows it.
    /// </summary>
    private static void Link(OpenApiDocument document, Type type, OpenApiSchema schema)
    {
        var components = document.Components?.Schemas;
        if (schema.Properties is null || components is null)
        {
            return;
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var name = System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            var fieldType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (!schema.Properties.TryGetValue(name, out var field) || fieldType.IsEnum || fieldType.IsPrimitive || fieldType == typeof(string))
            {
                continue;
            }

            var linked = components.ContainsKey(fieldType.Name) ? new OpenApiSchemaReference(fieldType.Name, document) : field;
            var nullable = Nullability.Create(property).ReadState == NullabilityState.Nullable
                && !(field.Type?.HasFlag(JsonSchemaType.Null) ?? false);
            schema.Properties[name] = nullable ? new OpenApiSchema { AnyOf = [linked, new OpenApiSchema { Type = JsonSchemaType.Null }] } : linked;
        }
    }

    private static JsonNode ToJson(IOpenApiSchema schema)
    {
        using var text = new StringWriter();
        schema.SerializeAsV31(new OpenApiJsonWriter(text));
        return JsonNode.Parse(text.ToString())!;
    }

    private static Type? ResultType(Type returnType) =>
        returnType == typeof(Task) || returnType == typeof(void) ? null
        : returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(Task<>) ? returnType.GetGenericArguments()[0]
        : returnType;

    private static void AddErrorCodes(OpenApiDocument document)
    {
        var codes = typeof(ErrorCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .Order(StringComparer.Ordinal);
        document.AddComponent("ErrorCode", new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Enum = [.. codes.Select(c => (JsonNode)JsonValue.Create(c))],
            Description = "The stable error codes: `code` of a problem+json body, and `<code>: …` of a HubException's message.",
        });
    }
}
