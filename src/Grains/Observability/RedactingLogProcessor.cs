using System.Globalization;
using OpenTelemetry;
using OpenTelemetry.Logs;

namespace LiveStreamX.Grains.Observability;

/// <summary>Takes secrets out of log records before the OTLP exporter sees them, as the console formatter does.</summary>
internal sealed class RedactingLogProcessor(SecretRedactor redactor) : BaseProcessor<LogRecord>
{
    public override void OnEnd(LogRecord data)
    {
        if (data.FormattedMessage is { } message)
        {
            data.FormattedMessage = redactor.Redact(message);
        }

        if (data.Body is { } body)
        {
            data.Body = redactor.Redact(body);
        }

        if (data.Attributes is { Count: > 0 } attributes)
        {
            data.Attributes = [.. attributes.Select(a => a.Value is string or null || a.Value.GetType().IsPrimitive
                ? Clean(a)
                : new KeyValuePair<string, object?>(a.Key, redactor.Redact(Convert.ToString(a.Value, CultureInfo.InvariantCulture) ?? string.Empty)))];
        }
    }

    private KeyValuePair<string, object?> Clean(KeyValuePair<string, object?> attribute) => attribute.Value switch
    {
        string when SecretRedactor.IsSecretName(attribute.Key) => new(attribute.Key, SecretRedactor.Redacted),
        string text => new(attribute.Key, redactor.Redact(text)),
        _ => attribute,
    };
}
