using LiveStreamX.Media;

namespace LiveStreamX.Api.Vod;

/// <summary>Where a browser (or ffmpeg) reads a stream's recording.</summary>
internal static class VodRecordings
{
    /// <summary>
    /// A read URL of a recording: the media store's, when the location is one of its keys or a URL of its blob container
    /// (as LiveKit's egress to Azure reports it); else the location itself when it is an https address elsewhere. A
    /// path on the egress host is no use to a browser: null.
    /// </summary>
    public static async Task<string?> ReadUrlAsync(string location, IMediaStore store, MediaOptions media, TimeSpan lifetime) =>
        await KeyAsync(location, store, media) is { } key
            ? Href(store.ReadUrl(key, lifetime))
            : Uri.TryCreate(location, UriKind.Absolute, out var url) && url.Scheme == Uri.UriSchemeHttps && !IsOurs(url, media) ? url.AbsoluteUri : null;

    /// <summary>The media store's key of a recording, when it is in the store; else null.</summary>
    public static async Task<string?> KeyAsync(string location, IMediaStore store, MediaOptions media)
    {
        var key = location;
        if (Uri.TryCreate(location, UriKind.Absolute, out var url))
        {
            key = IsOurs(url, media) ? ContainerPath(url, media) : string.Empty;
        }

        try
        {
            MediaKey.Validate(key);
        }
        catch (ArgumentException)
        {
            return null;
        }

        return await store.GetAsync(key) is not null ? key : null;
    }

    /// <summary>The local store's URLs are paths of this Api; a blob store's are absolute.</summary>
    public static string Href(Uri url) => url.IsAbsoluteUri ? url.AbsoluteUri : url.OriginalString;

    private static bool IsOurs(Uri url, MediaOptions media) => media.UsesBlob && ContainerPath(url, media).Length > 0;

    private static string ContainerPath(Uri url, MediaOptions media)
    {
        var marker = $"/{media.Blob.Container}/";
        var path = Uri.UnescapeDataString(url.AbsolutePath);
        var at = path.IndexOf(marker, StringComparison.Ordinal);
        return at >= 0 ? path[(at + marker.Length)..] : string.Empty;
    }
}
