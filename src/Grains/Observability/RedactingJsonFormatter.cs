using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace LiveStreamX.Grains.Observability;

/// <summary>
/// One JSON object per line, with the trace and span ids of the activity it was written in, and with every secret
/// taken out of the message, the state, the scopes and the exception (<see cref="SecretRedactor"/>).
/// </summary>
public sealed class RedactingJsonFormatter : ConsoleFormatter
{
    public const string FormatterName = "lsx-json";

    private readonly SecretRedactor _redactor;

    public RedactingJsonFormatter(SecretRedactor redactor)
        : base(FormatterName) => _redactor = redactor;

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        try
        {
            WriteEntry(logEntry, scopeProvider, textWriter);
        }
        catch (Exception e)
        {
            // A log line that cannot be written must never fail the code that logged it.
            textWriter.Write($"{{\"Level\":\"Error\",\"Category\":\"{nameof(RedactingJsonFormatter)}\",\"Message\":{JsonSerializer.Serialize(_redactor.Redact(e.ToString()))}}}");
            textWriter.Write(Environment.NewLine);
        }
    }

    private void WriteEntry<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        if (message is null && logEntry.Exception is null)
        {
            return;
        }

        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("Timestamp", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
            json.WriteString("Level", logEntry.LogLevel.ToString());
            json.WriteString("Category", logEntry.Category);
            json.WriteNumber("EventId", logEntry.EventId.Id);
            if (logEntry.EventId.Name is { } eventName)
            {
                json.WriteString("EventName", eventName);
            }

            json.WriteString("Message", _redactor.Redact(message ?? string.Empty));
            if (Activity.Current is { } activity)
            {
                json.WriteString("TraceId", activity.TraceId.ToHexString());
                json.WriteString("SpanId", activity.SpanId.ToHexString());
            }

            if (logEntry.Exception is { } exception)
            {
                json.WriteString("Exception", _redactor.Redact(exception.ToString()));
            }

            if (logEntry.State is IReadOnlyList<KeyValuePair<string, object?>> state)
            {
                json.WriteStartObject("State");
                foreach (var (key, value) in state)
                {
                    // The template itself is in Message already, with its values in place.
                    if (key != "{OriginalFormat}")
                    {
                        WriteValue(json, key, value);
                    }
                }

                json.WriteEndObject();
            }

            WriteScopes(json, scopeProvider);
            json.WriteEndObject();
        }

        textWriter.Write(Encoding.UTF8.GetString(buffer.WrittenSpan));
        textWriter.Write(Environment.NewLine);
    }

    private void WriteScopes(Utf8JsonWriter json, IExternalScopeProvider? scopeProvider)
    {
        if (scopeProvider is null)
        {
            return;
        }

        var scopes = new List<object?>();
        scopeProvider.ForEachScope((scope, list) => list.Add(scope), scopes);
        if (scopes.Count == 0)
        {
            return;
        }

        json.WriteStartArray("Scopes");
        foreach (var scope in scopes)
        {
            if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
            {
                json.WriteStartObject();
                foreach (var (key, value) in pairs)
                {
                    WriteValue(json, key, value);
                }

                json.WriteEndObject();
            }
            else
            {
                json.WriteStringValue(_redactor.Redact(Convert.ToString(scope, CultureInfo.InvariantCulture) ?? string.Empty));
            }
        }

        json.WriteEndArray();
    }

    private void WriteValue(Utf8JsonWriter json, string key, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNull(key);
                break;
            case bool b:
                json.WriteBoolean(key, b);
                break;
            case int or long or short or byte or uint or ushort:
                json.WriteNumber(key, Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case ulong u:
                json.WriteNumber(key, u);
                break;
            case double or float or decimal:
                json.WriteNumber(key, Convert.ToDouble(value, CultureInfo.InvariantCulture));
                break;
            default:
                json.WriteString(key, SecretRedactor.IsSecretName(key) ? SecretRedactor.Redacted : _redactor.Redact(Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty));
                break;
        }
    }
}
