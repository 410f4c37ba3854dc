using System.Text.Json;
using LiveStreamX.Streams;

namespace LiveStreamX.LoadTest.Transport;

/// <summary>
/// Reads stream events out of a frame in one forward pass, without building a document: a viewer of a hot stream
/// reads tens of thousands of events a second, and the generator shares the machine with the server, so what the
/// generator spends per event is taken from the server. Only the fields of <see cref="LiveEvent"/> are read; the
/// rest is skipped. A frame of another shape is left to the caller (it returns false and has reported nothing).
/// </summary>
internal static class EventReader
{
    /// <summary>
    /// A SignalR JSON invocation, <c>{"type":1,"target":…,"arguments":[…]}</c> as the server writes it: a
    /// <c>stream:events</c> batch or a single event. Adds its events to <paramref name="events"/>.
    /// </summary>
    public static bool TryReadInvocation(ReadOnlySpan<byte> record, long arrived, List<LiveEvent> events) =>
        Guarded(record, arrived, events, ReadInvocation);

    /// <summary>A Socket.IO event's payload, <c>["chat:message",{…}]</c>.</summary>
    public static bool TryReadSocketIoEvent(ReadOnlySpan<byte> json, long arrived, List<LiveEvent> events) =>
        Guarded(json, arrived, events, ReadSocketIoEvent);

    private delegate bool Read(ReadOnlySpan<byte> json, long arrived, List<LiveEvent> events);

    // Malformed JSON is the caller's to report, as for any other frame this reader does not take.
    private static bool Guarded(ReadOnlySpan<byte> json, long arrived, List<LiveEvent> events, Read read)
    {
        var start = events.Count;
        try
        {
            if (read(json, arrived, events))
            {
                return true;
            }
        }
        catch (JsonException)
        {
        }

        events.RemoveRange(start, events.Count - start);
        return false;
    }

    private static bool ReadInvocation(ReadOnlySpan<byte> record, long arrived, List<LiveEvent> events)
    {
        var reader = new Utf8JsonReader(record);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject
            || !NextProperty(ref reader, "type"u8) || !reader.Read() || reader.TokenType != JsonTokenType.Number || reader.GetInt32() != 1
            || !NextProperty(ref reader, "target"u8) || !reader.Read() || reader.TokenType != JsonTokenType.String)
        {
            return false;
        }

        var target = reader.GetString()!;
        if (!NextProperty(ref reader, "arguments"u8) || !reader.Read() || reader.TokenType != JsonTokenType.StartArray
            || !reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        return target == EventNames.StreamEvents
            ? TryReadBatch(ref reader, arrived, events)
            : TryReadEvent(ref reader, target, arrived, events);
    }

    private static bool ReadSocketIoEvent(ReadOnlySpan<byte> json, long arrived, List<LiveEvent> events)
    {
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray
            || !reader.Read() || reader.TokenType != JsonTokenType.String)
        {
            return false;
        }

        var type = reader.GetString()!;
        return reader.Read() && reader.TokenType == JsonTokenType.StartObject && TryReadEvent(ref reader, type, arrived, events);
    }

    // At the batch's StartObject: {"streamId":…,"events":[{…},…]}.
    private static bool TryReadBatch(ref Utf8JsonReader reader, long arrived, List<LiveEvent> events)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (!reader.ValueTextEquals("events"u8))
            {
                reader.Read();
                reader.Skip();
                continue;
            }

            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
            {
                if (!TryReadEvent(ref reader, type: null, arrived, events))
                {
                    return false;
                }
            }

            if (reader.TokenType != JsonTokenType.EndArray)
            {
                return false;
            }
        }

        return reader.TokenType == JsonTokenType.EndObject;
    }

    // At an event's StartObject; ends at its EndObject. The type comes from the target, or from the event's "type".
    private static bool TryReadEvent(ref Utf8JsonReader reader, string? type, long arrived, List<LiveEvent> events)
    {
        string? streamId = null, text = null, transferId = null;
        long? seq = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("seq"u8))
            {
                reader.Read();
                seq = reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var n) ? n : null;
            }
            else if (reader.ValueTextEquals("streamId"u8))
            {
                streamId = ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("text"u8))
            {
                text = ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("transferId"u8))
            {
                transferId = ReadString(ref reader);
            }
            else if (type is null && reader.ValueTextEquals("type"u8))
            {
                type = ReadString(ref reader);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        if (reader.TokenType != JsonTokenType.EndObject || type is null || streamId is null || seq is not { } value)
        {
            return false;
        }

        events.Add(new LiveEvent(type, streamId, value, text, transferId, arrived));
        return true;
    }

    private static string? ReadString(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.String)
        {
            return reader.GetString();
        }

        reader.Skip();
        return null;
    }

    // Moves to the next property and says whether it is the one expected.
    private static bool NextProperty(ref Utf8JsonReader reader, ReadOnlySpan<byte> name) =>
        reader.Read() && reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals(name);
}
