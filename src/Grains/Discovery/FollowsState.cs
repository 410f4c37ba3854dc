using LiveStreamX.Discovery;

namespace LiveStreamX.Grains.Discovery;

/// <summary>What a user's follows persist: the creators followed, by id. Replaced, never changed in place.</summary>
[GenerateSerializer, Alias("lsx.FollowsState")]
public sealed record FollowsState
{
    [Id(0)] public IReadOnlyDictionary<string, Followed> Creators { get; init; } = new Dictionary<string, Followed>();
}

/// <summary>What a creator's followers grain persists: each shard's follower count as the shard last answered.</summary>
[GenerateSerializer, Alias("lsx.FollowersState")]
public sealed record FollowersState
{
    [Id(0)] public int[] ShardCounts { get; init; } = new int[FollowerShards.Count];

    /// <summary>The creator's streams live now (at most a few), so a follower's list shows them without a search.</summary>
    [Id(1)] public IReadOnlyList<LiveStreamRef> Live { get; init; } = [];
}

/// <summary>One shard of a creator's followers.</summary>
[GenerateSerializer, Alias("lsx.FollowerShardState")]
public sealed class FollowerShardState
{
    [Id(0)] public HashSet<string> Followers { get; init; } = new(StringComparer.Ordinal);
}
