using System.Text;

namespace LiveStreamX.Vod;

/// <summary>A stream's folder in the media store, whose keys are lower-case: stream ids may not be.</summary>
public static class VodKeys
{
    /// <summary>A lower-case id as it is; any other as "x." and its hex (no stream id has a '.', so none collide).</summary>
    public static string Of(string streamId) =>
        streamId.Any(char.IsUpper) ? "x." + Convert.ToHexStringLower(Encoding.UTF8.GetBytes(streamId)) : streamId;
}
