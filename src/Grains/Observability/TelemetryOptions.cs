using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace LiveStreamX.Grains.Observability;

/// <summary>Traces, metrics, logs and the Orleans dashboard of a node. Section <c>LSX:Telemetry</c>.</summary>
public sealed class TelemetryOptions : IValidatableObject
{
    public const string Section = "LSX:Telemetry";

    /// <summary>
    /// An OpenTelemetry collector's OTLP endpoint (gRPC, for example <c>http://otel-collector:4317</c>); traces, metrics
    /// and logs are exported there when set. Empty: nothing is exported (<c>/metrics</c> is always served).
    /// </summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>How long one export may take before it is abandoned; exports run off the request path either way.</summary>
    [Range(100, 60_000)]
    public int OtlpTimeoutMilliseconds { get; set; } = 5_000;

    /// <summary>The share of new traces kept (0 to 1); a trace started upstream keeps its caller's decision.</summary>
    [Range(0.0, 1.0)]
    public double TraceSampleRatio { get; set; } = 1.0;

    /// <summary>
    /// <c>Auto</c> (default): JSON lines for a silo and an Api node in client mode, the console's text for the embedded
    /// single process; or <c>Json</c> / <c>Text</c> everywhere.
    /// </summary>
    public LogFormat LogFormat { get; set; } = LogFormat.Auto;

    /// <summary>
    /// Whether silos collect the Orleans dashboard's grain statistics and Api nodes serve it at <c>/dashboard</c>
    /// (admins only). Set it alike on every node: an Api node's dashboard asks the silos for their statistics.
    /// </summary>
    public bool Dashboard { get; set; } = true;

    /// <summary>Reads and validates the section; throws with what to fix.</summary>
    public static TelemetryOptions Read(IConfiguration configuration)
    {
        var options = configuration.GetSection(Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
        {
            var problems = string.Join(Environment.NewLine, results.Select(r => "  - " + r.ErrorMessage));
            throw new InvalidOperationException($"The configuration section {Section} is not valid:{Environment.NewLine}{problems}");
        }

        return options;
    }

    /// <summary>The collector's address, or null when nothing is exported.</summary>
    public Uri? OtlpUri() => string.IsNullOrWhiteSpace(OtlpEndpoint) ? null : new Uri(OtlpEndpoint, UriKind.Absolute);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(OtlpEndpoint)
            && (!Uri.TryCreate(OtlpEndpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)))
        {
            yield return new ValidationResult(
                $"{Section}:OtlpEndpoint must be an absolute http:// or https:// address, for example http://otel-collector:4317 " +
                "(LSX__Telemetry__OtlpEndpoint).",
                [nameof(OtlpEndpoint)]);
        }
    }
}

public enum LogFormat
{
    Auto,
    Text,
    Json,
}
