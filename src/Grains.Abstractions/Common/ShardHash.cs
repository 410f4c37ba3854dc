namespace LiveStreamX.Common;

/// <summary>
/// A hash of a string that is the same in every process and version (FNV-1a over its UTF-16 code units), for
/// shards and buckets that are stored; <c>string.GetHashCode</c> changes per process.
/// </summary>
public static class ShardHash
{
    public static uint Of(string value)
    {
        var hash = 2166136261u;
        foreach (var c in value)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }
}
