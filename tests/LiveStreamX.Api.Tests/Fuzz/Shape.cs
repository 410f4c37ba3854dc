using System.Reflection;
using System.Text.Json;

namespace LiveStreamX.Api.Tests.Fuzz;

/// <summary>The kinds of JSON value an operation's input is made of.</summary>
internal enum ShapeKind
{
    Text,
    Integer,
    Number,
    Boolean,
    Array,
    Object,

    /// <summary>Free-form JSON (a <see cref="JsonElement"/>), checked by the server's own rules.</summary>
    Any,
}

/// <summary>The shape of an input value, read from the OpenAPI document or from a hub method's parameter types.</summary>
/// <remarks><see cref="Wide"/>: a 64-bit integer, which takes numbers past 32 bits.</remarks>
internal sealed record Shape(ShapeKind Kind, IReadOnlyList<(string Name, Shape Shape)> Members, Shape? Item = null, bool Wide = false)
{
    public static readonly Shape Any = new(ShapeKind.Any, []);

    public static Shape Of(ShapeKind kind) => new(kind, []);

    /// <summary>The shape of a .NET type as the hub's JSON protocol binds it (camelCase members).</summary>
    public static Shape FromType(Type type, int depth = 0)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string))
        {
            return Of(ShapeKind.Text);
        }

        if (type == typeof(int) || type == typeof(long) || type == typeof(short))
        {
            return new Shape(ShapeKind.Integer, [], Wide: type == typeof(long));
        }

        if (type == typeof(double) || type == typeof(float) || type == typeof(decimal))
        {
            return Of(ShapeKind.Number);
        }

        if (type == typeof(bool))
        {
            return Of(ShapeKind.Boolean);
        }

        if (type == typeof(JsonElement) || depth > 4)
        {
            return Any;
        }

        var item = type.IsArray
            ? type.GetElementType()
            : type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];
        if (item is not null)
        {
            return new Shape(ShapeKind.Array, [], FromType(item, depth + 1));
        }

        return new Shape(ShapeKind.Object, [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite || type.GetConstructors().Any(c => c.GetParameters().Any(x => x.Name == p.Name)))
            .Select(p => (JsonNamingPolicy.CamelCase.ConvertName(p.Name), FromType(p.PropertyType, depth + 1)))]);
    }

    /// <summary>The shape of an OpenAPI schema (references resolved against <paramref name="components"/>).</summary>
    public static Shape FromSchema(JsonElement schema, JsonElement components, int depth = 0)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            var name = reference.GetString()!.Split('/')[^1];
            return depth > 4 || !components.TryGetProperty(name, out var target) ? Any : FromSchema(target, components, depth + 1);
        }

        var types = !schema.TryGetProperty("type", out var type) ? []
            : type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).ToList()
            : [type.GetString()!];
        types.Remove("null");
        return types.FirstOrDefault() switch
        {
            "string" => Of(ShapeKind.Text),
            "integer" => new Shape(ShapeKind.Integer, [], Wide: schema.TryGetProperty("format", out var format) && format.GetString() == "int64"),
            "number" => Of(ShapeKind.Number),
            "boolean" => Of(ShapeKind.Boolean),
            "array" => new Shape(ShapeKind.Array, [], schema.TryGetProperty("items", out var items) ? FromSchema(items, components, depth + 1) : Any),
            "object" when schema.TryGetProperty("properties", out var properties) =>
                new Shape(ShapeKind.Object, [.. properties.EnumerateObject().Select(p => (p.Name, FromSchema(p.Value, components, depth + 1)))]),
            "object" => new Shape(ShapeKind.Object, []),
            _ => Any,
        };
    }
}
