using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LiveStreamX.Vod;

/// <summary>
/// A timeline entry as JSON: <c>{"offsetMs":…,"event":{…}}</c>, the event exactly as viewers received it live
/// (docs/PROTOCOL.md). One such object per line makes the archived NDJSON.
/// </summary>
public static class TimelineJson
{
    /// <summary>The wire contract's JSON: camelCase members, enums as kebab-case words.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false) },
    };

    /// <summary>The event as its own type serializes it (the declared type is abstract).</summary>
    public static JsonElement EventOf(TimelineEntry entry) =>
        JsonSerializer.SerializeToElement(entry.Event, entry.Event.GetType(), Options);

    /// <summary>Writes one NDJSON line.</summary>
    public static void WriteLine(Stream output, TimelineEntry entry)
    {
        using (var writer = new Utf8JsonWriter(output))
        {
            writer.WriteStartObject();
            writer.WriteNumber("offsetMs", entry.OffsetMs);
            writer.WritePropertyName("event");
            JsonSerializer.Serialize(writer, entry.Event, entry.Event.GetType(), Options);
            writer.WriteEndObject();
        }

        output.WriteByte((byte)'\n');
    }

    /// <summary>The lines of an NDJSON text as JSON objects.</summary>
    public static IEnumerable<JsonElement> ReadLines(byte[] ndjson) =>
        Encoding.UTF8.GetString(ndjson)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement.Clone());
}
