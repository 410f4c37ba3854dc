using Orleans.Concurrency;

namespace LiveStreamX.Discovery;

/// <summary>A creator someone follows, since when.</summary>
[GenerateSerializer, Immutable, Alias("lsx.Followed")]
public sealed record Followed(
    [property: Id(0)] string CreatorId,
    [property: Id(1)] string CreatorHandle,
    [property: Id(2)] DateTimeOffset Since);

/// <summary>What a follow or unfollow left: whether the user follows the creator now, and the creator's follower count.</summary>
[GenerateSerializer, Immutable, Alias("lsx.FollowChange")]
public sealed record FollowChange(
    [property: Id(0)] string CreatorId,
    [property: Id(1)] bool Following,
    [property: Id(2)] int Followers);

/// <summary>A stream of a creator that is live now, as the creator's followers see it.</summary>
[GenerateSerializer, Immutable, Alias("lsx.LiveStreamRef")]
public sealed record LiveStreamRef(
    [property: Id(0)] string StreamId,
    [property: Id(1)] string Title,
    [property: Id(2)] string Category,
    [property: Id(3)] DateTimeOffset StartedAt);

/// <summary>A creator's audience as the follows know it: followers counted, and the streams live now.</summary>
[GenerateSerializer, Immutable, Alias("lsx.CreatorAudience")]
public sealed record CreatorAudience(
    [property: Id(0)] string CreatorId,
    [property: Id(1)] int Followers,
    [property: Id(2)] IReadOnlyList<LiveStreamRef> Live);

/// <summary>
/// The creators one user follows (the source of truth of a follow). Key: user id. Following and unfollowing are
/// idempotent; each tells the creator's <see cref="IFollowersGrain"/> before it is stored here.
/// </summary>
[Alias("lsx.IFollowsGrain")]
public interface IFollowsGrain : IGrainWithStringKey
{
    /// <summary>Follows a registered user (checked by the caller); following again changes nothing.</summary>
    [Alias("Follow")]
    Task<FollowChange> FollowAsync(string creatorId, string creatorHandle);

    /// <summary>Stops following; unfollowing someone not followed changes nothing.</summary>
    [Alias("Unfollow")]
    Task<FollowChange> UnfollowAsync(string creatorId);

    /// <summary>The creators followed, newest first.</summary>
    [Alias("List"), AlwaysInterleave]
    Task<IReadOnlyList<Followed>> ListAsync();

    /// <summary>How many creators the user follows.</summary>
    [Alias("Count"), AlwaysInterleave]
    Task<int> CountAsync();

    /// <summary>Whether the user follows this creator.</summary>
    [Alias("IsFollowing"), AlwaysInterleave]
    Task<bool> IsFollowingAsync(string creatorId);
}

/// <summary>
/// A creator's followers: counted here, held in <see cref="FollowerShards.Count"/> shards of their own
/// (<see cref="IFollowerShardGrain"/>), so a follow rewrites one shard, not a million-name list; and the creator's
/// streams live now, whose go-live it announces to every follower. Key: creator id.
/// </summary>
[Alias("lsx.IFollowersGrain")]
public interface IFollowersGrain : IGrainWithStringKey
{
    /// <summary>Adds a follower (idempotent); returns the follower count.</summary>
    [Alias("Add")]
    Task<int> AddAsync(string followerId);

    /// <summary>Removes a follower (idempotent); returns the follower count.</summary>
    [Alias("Remove")]
    Task<int> RemoveAsync(string followerId);

    /// <summary>The follower count and the creator's streams live now.</summary>
    [Alias("Get"), AlwaysInterleave]
    Task<CreatorAudience> GetAsync();

    /// <summary>One of the creator's streams changed status: a go-live is told to every follower's connections, one way.</summary>
    [Alias("StreamChanged"), OneWay]
    Task StreamChangedAsync(Streams.StreamInfo stream);
}

/// <summary>One shard of a creator's followers (those whose id hashes to it). Key: "{creatorId}/{shard}".</summary>
[Alias("lsx.IFollowerShardGrain")]
public interface IFollowerShardGrain : IGrainWithStringKey
{
    /// <summary>Adds a follower (idempotent); returns how many this shard holds.</summary>
    [Alias("Add")]
    Task<int> AddAsync(string followerId);

    /// <summary>Removes a follower (idempotent); returns how many this shard holds.</summary>
    [Alias("Remove")]
    Task<int> RemoveAsync(string followerId);

    /// <summary>Sends the notice to each follower's <c>IUserEventsGrain</c>, one way.</summary>
    [Alias("Notify"), OneWay]
    Task NotifyAsync(StreamLiveNotice notice);
}

/// <summary>Where a follower lives among a creator's shards.</summary>
public static class FollowerShards
{
    /// <summary>Shards per creator: a creator with a million followers writes about 1/64 of them per follow.</summary>
    public const int Count = 64;

    /// <summary>The most creators one user may follow.</summary>
    public const int MaxFollowing = 2000;

    public static int Of(string followerId) => (int)(Common.ShardHash.Of(followerId) % Count);

    public static string Key(string creatorId, int shard) => $"{creatorId}/{shard}";
}
