using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace LiveStreamX.Api.Errors;

/// <summary>
/// Documents the refusals every operation can answer by what it is, so the OpenAPI document lists each 4xx a client
/// may get: 400 for an operation with input, 401 and 403 behind authorization, 404 for a path naming something,
/// 413 and 415 for a body, 429 (the REST rate limiter) for every <c>/api</c> operation. Each is ProblemDetails with a
/// <c>code</c>. Refusals only the operation knows of (409, 402, a 403 of an open endpoint) it declares itself with
/// <c>ProducesProblem</c>; the fuzz suite fails on a 4xx an operation answers but does not document.
/// </summary>
public sealed partial class DocumentedRefusals : IOpenApiDocumentTransformer
{
    private const string Problem = "ProblemDetails";
    private const string ValidationProblem = "HttpValidationProblemDetails";

    public async Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync<Microsoft.AspNetCore.Mvc.ProblemDetails>(document, context, Problem, cancellationToken);
        await EnsureSchemaAsync<HttpValidationProblemDetails>(document, context, ValidationProblem, cancellationToken);
        var paths = (document.Paths ?? []).ToDictionary(p => Normalize(p.Key), p => p.Value);
        foreach (var description in context.DescriptionGroups.SelectMany(g => g.Items))
        {
            if (description.RelativePath is not { } relative
                || !paths.TryGetValue(Normalize("/" + relative), out var path)
                || path.Operations is not { } operations
                || !operations.TryGetValue(HttpMethod.Parse(description.HttpMethod ?? "GET"), out var operation))
            {
                continue;
            }

            var metadata = description.ActionDescriptor.EndpointMetadata;
            var sources = description.ParameterDescriptions.Select(p => p.Source).ToList();
            var hasBody = sources.Any(s => s == BindingSource.Body || s == BindingSource.Form) || operation.RequestBody is not null;
            var authorized = metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any();
            operation.Responses ??= [];
            if (sources.Count > 0 || hasBody)
            {
                Add(document, operation, 400, "The input is malformed or breaks a rule (`invalid_input`; `errors` names each field).", ValidationProblem);
            }

            if (authorized)
            {
                Add(document, operation, 401, "No valid access token (`unauthorized`).", Problem);
                Add(document, operation, 403, "Signed in, but not allowed to do this (`forbidden`).", Problem);
            }

            if (sources.Contains(BindingSource.Path))
            {
                Add(document, operation, 404, "Nothing has this id (`not_found`).", Problem);
            }

            if (hasBody)
            {
                Add(document, operation, 413, "The body is larger than the operation takes (`invalid_input`).", Problem);
                Add(document, operation, 415, "The body is not of a content type the operation takes (`invalid_input`).", Problem);
            }

            if (relative.StartsWith("api/", StringComparison.Ordinal))
            {
                Add(document, operation, 429, "Too many calls (`rate_limited`); `Retry-After` says when to try again.", Problem);
            }
        }
    }

    // The document writes "/api/streams" and "{number}" where the route says "api/streams/" and "{number:int}".
    private static string Normalize(string path) => ConstraintPattern().Replace(path.Split('?')[0].TrimEnd('/'), "{$1}");

    [System.Text.RegularExpressions.GeneratedRegex(@"\{([^}:]+):[^}]*\}")]
    private static partial System.Text.RegularExpressions.Regex ConstraintPattern();

    private static void Add(OpenApiDocument document, OpenApiOperation operation, int status, string description, string schema)
    {
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (operation.Responses!.ContainsKey(key))
        {
            return;
        }

        operation.Responses[key] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(schema, document) },
            },
        };
    }

    private static async Task EnsureSchemaAsync<T>(OpenApiDocument document, OpenApiDocumentTransformerContext context, string name, CancellationToken cancellationToken)
    {
        if (document.Components?.Schemas?.ContainsKey(name) != true)
        {
            document.AddComponent(name, await context.GetOrCreateSchemaAsync(typeof(T), cancellationToken: cancellationToken));
        }
    }
}
