using System.Globalization;
using System.Text.Json;
using LiveStreamX.Common;
using LiveStreamX.Media;

namespace LiveStreamX.Api.Media;

/// <summary>
/// Reads LiveKit's <c>WebhookEvent</c> (protobuf's JSON: camelCase members, 64-bit numbers as strings, enums by name)
/// into what the stream's media grain acts on.
/// </summary>
internal static class LiveKitWebhookEvent
{
    private const long NanosPerMilli = 1_000_000;

    /// <summary>The event, or <c>invalid_input</c> naming what is missing.</summary>
    public static MediaEvent Parse(ReadOnlyMemory<byte> body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            throw DomainException.InvalidInput("body", "A webhook body is LiveKit's WebhookEvent as JSON.");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw DomainException.InvalidInput("body", "A webhook body is LiveKit's WebhookEvent as JSON.");
            }

            var id = String(root, "id") ?? throw DomainException.InvalidInput("id", "A webhook event has an id.");
            var kind = KindOf(String(root, "event") ?? throw DomainException.InvalidInput("event", "A webhook event names its event."));
            var egress = Member(root, "egressInfo");
            var room = String(Member(root, "room"), "name") ?? String(egress, "roomName") ?? string.Empty;
            var createdAt = Int64(root, "createdAt") is { } seconds ? DateTimeOffset.FromUnixTimeSeconds(seconds) : DateTimeOffset.UtcNow;
            return new MediaEvent(id, kind, room, String(Member(root, "participant"), "identity"), createdAt, kind == MediaEventKind.EgressEnded ? RecordingOf(egress) : null);
        }
    }

    private static MediaEventKind KindOf(string name) => name switch
    {
        "room_started" => MediaEventKind.RoomStarted,
        "room_finished" => MediaEventKind.RoomFinished,
        "participant_joined" => MediaEventKind.ParticipantJoined,
        "participant_left" => MediaEventKind.ParticipantLeft,
        "track_published" => MediaEventKind.TrackPublished,
        "track_unpublished" => MediaEventKind.TrackUnpublished,
        "egress_started" => MediaEventKind.EgressStarted,
        "egress_ended" => MediaEventKind.EgressEnded,
        _ => MediaEventKind.Other,
    };

    // A completed egress with a file: its first file result (or the older single `file`). A failed or aborted egress
    // has no recording to attach.
    private static MediaRecording? RecordingOf(JsonElement egress)
    {
        if (egress.ValueKind != JsonValueKind.Object || String(egress, "egressId") is not { } egressId || !IsComplete(egress))
        {
            return null;
        }

        var file = Member(egress, "fileResults") is { ValueKind: JsonValueKind.Array } files && files.GetArrayLength() > 0 ? files[0] : Member(egress, "file");
        if (String(file, "location") is not { Length: > 0 } location)
        {
            return null;
        }

        var endedAt = Int64(file, "endedAt") is { } ns && ns > 0 ? DateTimeOffset.FromUnixTimeMilliseconds(ns / NanosPerMilli) : (DateTimeOffset?)null;
        return new MediaRecording(egressId, location, String(file, "filename"), (Int64(file, "duration") ?? 0) / NanosPerMilli, Int64(file, "size") ?? 0, endedAt);
    }

    // EGRESS_COMPLETE (3), or EGRESS_LIMIT_REACHED (6), which also leaves the file written up to the limit.
    private static bool IsComplete(JsonElement egress) => Member(egress, "status") switch
    {
        { ValueKind: JsonValueKind.String } s => s.GetString() is "EGRESS_COMPLETE" or "EGRESS_LIMIT_REACHED",
        { ValueKind: JsonValueKind.Number } n => n.TryGetInt32(out var v) && v is 3 or 6,
        _ => false,
    };

    private static JsonElement Member(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : default;

    private static string? String(JsonElement element, string name) =>
        Member(element, name) is { ValueKind: JsonValueKind.String } value && value.GetString() is { Length: > 0 } text ? text : null;

    // protobuf's JSON writes 64-bit integers as strings; other writers use numbers.
    private static long? Int64(JsonElement element, string name) => Member(element, name) switch
    {
        { ValueKind: JsonValueKind.Number } n when n.TryGetInt64(out var v) => v,
        { ValueKind: JsonValueKind.String } s when long.TryParse(s.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) => v,
        _ => null,
    };
}
