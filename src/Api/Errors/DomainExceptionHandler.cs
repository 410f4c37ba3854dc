using System.Text.Json;
using LiveStreamX.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace LiveStreamX.Api.Errors;

/// <summary>
/// Turns a rule the grains enforced into RFC 7807 ProblemDetails with the stable code, and a cluster that did not
/// answer into a retryable 503.
/// </summary>
internal sealed class DomainExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var errors = (exception as DomainException)?.Errors;
        var (code, detail, field) = exception switch
        {
            DomainException e => (e.Code, e.Message, e.Field),
            BadHttpRequestException unread => Describe(unread),
            TimeoutException or OrleansException or OperationCanceledException when !httpContext.RequestAborted.IsCancellationRequested
                => (ErrorCodes.Unavailable, "The cluster did not answer in time; try again.", null),
            _ => (null, null, null),
        };
        if (code is null)
        {
            return false;
        }

        var status = ErrorStatus.Of(code);
        if (exception is BadHttpRequestException bad)
        {
            // The framework's own status (413 for a body too large, say) with the code of that status.
            status = bad.StatusCode;
            code = ErrorStatus.CodeOf(status) ?? code;
        }
        if (errors is null && field is not null)
        {
            errors = new Dictionary<string, string[]> { [field] = [detail!] };
        }

        ProblemDetails problem = errors is not null && code == ErrorCodes.InvalidInput
            ? new HttpValidationProblemDetails(errors.ToDictionary()) { Title = "One or more validation errors occurred." }
            : new ProblemDetails { Title = detail };
        problem.Status = status;
        problem.Type = ErrorStatus.TypeOf(code);
        problem.Detail = detail;
        problem.Extensions["code"] = code;
        httpContext.Response.StatusCode = status;
        if (code == ErrorCodes.Unavailable)
        {
            httpContext.Response.Headers.RetryAfter = "1";
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    // A request the framework could not bind (a body that is not JSON of the documented shape, a query value of the
    // wrong type): the field is the body member or the parameter it was about.
    private static (string Code, string Detail, string Field) Describe(BadHttpRequestException bad)
    {
        if (bad.InnerException is JsonException json)
        {
            var (path, reason) = InputErrors.Describe(json);
            return (ErrorCodes.InvalidInput, reason, path.Length == 0 ? "body" : path);
        }

        return (ErrorCodes.InvalidInput, bad.Message, InputErrors.ParameterOf(bad.Message) ?? "request");
    }
}
