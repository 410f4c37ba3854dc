using System.Text.Json;
using LiveStreamX.Common;
using LiveStreamX.Payments;

namespace LiveStreamX.Grains.Payments;

/// <summary>Reads the fields the platform acts on from a verified event's JSON (stable across Stripe API versions).</summary>
public static class StripeEventReader
{
    public static StripeEvent Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var id = Text(root, "id");
        var type = Text(root, "type");
        if (id is not { Length: > 0 and <= 255 } || type is not { Length: > 0 and <= 100 }
            || !root.TryGetProperty("data", out var data) || !data.TryGetProperty("object", out var obj) || obj.ValueKind != JsonValueKind.Object)
        {
            throw DomainException.InvalidInput("body", "A Stripe event has an id, a type and data.object.");
        }

        var created = root.TryGetProperty("created", out var c) && c.TryGetInt64(out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : DateTimeOffset.UnixEpoch;
        var metadata = obj.TryGetProperty("metadata", out var m) && m.ValueKind == JsonValueKind.Object ? m : default;
        var isCharge = Text(obj, "object") == "charge";
        return new StripeEvent(
            id, type, created,
            ObjectId: Text(obj, "id"),
            UserId: metadata.ValueKind == JsonValueKind.Object ? Text(metadata, "userId") : null,
            PackId: metadata.ValueKind == JsonValueKind.Object ? Text(metadata, "packId") : null,
            PaymentIntentId: Text(obj, "payment_intent"),
            ChargeId: isCharge ? Text(obj, "id") : Text(obj, "charge"),
            Amount: Number(obj, "amount_total") ?? Number(obj, "amount") ?? 0,
            AmountRefunded: Number(obj, "amount_refunded") ?? 0,
            Currency: Text(obj, "currency"),
            Status: Text(obj, "payment_status") ?? Text(obj, "status"),
            Reason: Text(obj, "reason"));
    }

    // Expandable fields arrive as an id or as the object: either way, the id.
    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Object when value.TryGetProperty("id", out var inner) && inner.ValueKind == JsonValueKind.String => inner.GetString(),
                _ => null,
            }
            : null;

    private static long? Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var n) ? n : null;
}
