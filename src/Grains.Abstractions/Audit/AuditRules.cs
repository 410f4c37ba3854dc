using System.Text.RegularExpressions;
using LiveStreamX.Common;

namespace LiveStreamX.Audit;

/// <summary>What an audit entry and an audit query may hold: the log takes nothing it could not show back safely.</summary>
public static partial class AuditRules
{
    public const int MaxIdLength = 64;
    public const int MaxActionLength = 40;
    public const int MaxTargetLength = 200;
    public const int MaxReasonLength = 500;
    public const int MaxLimit = 100;
    public const string ActionRule = "An action is 1–40 characters of lower-case words joined by '-', such as 'user-ban'.";

    public static bool IsAction(string? action) => action is { Length: <= MaxActionLength } && ActionPattern().IsMatch(action);

    /// <summary>The entry with its texts cleaned and its time set, or <c>invalid_input</c> naming the field.</summary>
    public static AuditEntry Clean(AuditEntry entry, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        var actorId = Required(entry.ActorId, "actorId", MaxIdLength, errors);
        var actorHandle = Required(entry.ActorHandle, "actorHandle", MaxIdLength, errors);
        if (!IsAction(entry.Action))
        {
            errors["action"] = [ActionRule];
        }

        var clean = entry with
        {
            ActorId = actorId,
            ActorHandle = actorHandle,
            TargetUserId = Optional(entry.TargetUserId, "targetUserId", MaxIdLength, errors),
            Target = Optional(entry.Target, "target", MaxTargetLength, errors),
            StreamId = Optional(entry.StreamId, "streamId", MaxIdLength, errors),
            CreatorId = Optional(entry.CreatorId, "creatorId", MaxIdLength, errors),
            Reason = Optional(entry.Reason, "reason", MaxReasonLength, errors),
            At = entry.At == default ? now : entry.At,
        };
        return errors.Count == 0 ? clean : throw DomainException.InvalidInput(errors);
    }

    private static string Required(string? text, string field, int maxLength, Dictionary<string, string[]> errors)
    {
        if (InputText.TryClean(text, maxLength, out var clean))
        {
            return clean;
        }

        errors[field] = [$"Required, at most {maxLength} characters."];
        return string.Empty;
    }

    private static string? Optional(string? text, string field, int maxLength, Dictionary<string, string[]> errors) =>
        string.IsNullOrWhiteSpace(text) ? null : Required(text, field, maxLength, errors);

    [GeneratedRegex("^[a-z]+(-[a-z]+)*$")]
    private static partial Regex ActionPattern();
}
