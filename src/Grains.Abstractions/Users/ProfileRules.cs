using LiveStreamX.Common;

namespace LiveStreamX.Users;

/// <summary>What a profile may hold, checked the same way by the Api and the profile grain.</summary>
public static class ProfileRules
{
    public const int MaxDisplayName = 40;
    public const int MaxBio = 300;
    public const int MaxUrl = 300;
    public const int MaxLinks = 5;
    public const int MaxLinkLabel = 30;
    public const int MaxAvatarBytes = 256 * 1024;

    public const string DisplayNameRule = "A display name is 1–40 characters with something visible, or \"\" to clear it.";
    public const string BioRule = "A bio is at most 300 characters, or \"\" to clear it.";
    public const string UrlRule = "An https:// address of at most 300 characters, without a user name or password.";
    public const string LinksRule = "At most 5 links, each { label: 1–30 characters, url: an https:// address }.";
    public const string AvatarRule = "A PNG, JPEG, GIF or WebP picture of at most 256 KB.";

    /// <summary>The details with the change applied, or <c>invalid_input</c> naming every bad field.</summary>
    public static ProfileDetails Apply(ProfileDetails current, ProfileChange change, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        var next = current with
        {
            DisplayName = change.DisplayName is null ? current.DisplayName : Text(change.DisplayName, "displayName", MaxDisplayName, DisplayNameRule, errors),
            Bio = change.Bio is null ? current.Bio : Text(change.Bio, "bio", MaxBio, BioRule, errors),
            AvatarUrl = change.AvatarUrl is null ? current.AvatarUrl
                : change.AvatarUrl.Length == 0 ? null
                : IsHttpsUrl(change.AvatarUrl) ? change.AvatarUrl : Error("avatarUrl", UrlRule, errors),
            Links = change.Links is null ? current.Links : Links(change.Links, errors),
            UpdatedAt = now,
        };
        return errors.Count == 0 ? next : throw DomainException.InvalidInput(errors);
    }

    /// <summary>An absolute https address a browser may load: no user name or password, no spaces or control characters.</summary>
    public static bool IsHttpsUrl(string? url) =>
        url is { Length: > 0 and <= MaxUrl }
        && !url.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))
        && Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && uri.Scheme == Uri.UriSchemeHttps && uri.Host.Length > 0 && uri.UserInfo.Length == 0;

    /// <summary>The picture's content type by its first bytes, or null when it is not a PNG, JPEG, GIF or WebP.</summary>
    public static string? ImageType(ReadOnlySpan<byte> image) => image switch
    {
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, ..] => "image/png",
        [0xFF, 0xD8, 0xFF, ..] => "image/jpeg",
        [0x47, 0x49, 0x46, 0x38, (byte)'7' or (byte)'9', 0x61, ..] => "image/gif",
        [0x52, 0x49, 0x46, 0x46, _, _, _, _, 0x57, 0x45, 0x42, 0x50, ..] => "image/webp",
        _ => null,
    };

    private static string? Text(string text, string field, int maxLength, string rule, Dictionary<string, string[]> errors) =>
        text.Length == 0 ? null : InputText.TryClean(text, maxLength, out var clean) ? clean : Error(field, rule, errors);

    private static IReadOnlyList<SocialLink> Links(IReadOnlyList<SocialLink> links, Dictionary<string, string[]> errors)
    {
        if (links.Count > MaxLinks)
        {
            errors["links"] = [LinksRule];
            return [];
        }

        var clean = new List<SocialLink>(links.Count);
        for (var i = 0; i < links.Count; i++)
        {
            var link = links[i];
            if (link is null || !InputText.TryClean(link.Label, MaxLinkLabel, out var label))
            {
                errors[$"links[{i}].label"] = [LinksRule];
                continue;
            }

            if (!IsHttpsUrl(link.Url))
            {
                errors[$"links[{i}].url"] = [UrlRule];
                continue;
            }

            clean.Add(new SocialLink(label, link.Url));
        }

        return clean;
    }

    private static string? Error(string field, string rule, Dictionary<string, string[]> errors)
    {
        errors[field] = [rule];
        return null;
    }
}
