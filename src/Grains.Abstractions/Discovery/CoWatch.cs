using Orleans.Concurrency;

namespace LiveStreamX.Discovery;

/// <summary>
/// A viewer watched <paramref name="Creator"/> for the first time (<paramref name="NewViewer"/>) having watched the
/// creators <paramref name="With"/> before; or, with <paramref name="NewViewer"/> false, the other half of such a
/// pair: <paramref name="Creator"/> was watched before by someone who now watched <paramref name="With"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("lsx.CoWatch")]
public sealed record CoWatch(
    [property: Id(0)] string Creator,
    [property: Id(1)] bool NewViewer,
    [property: Id(2)] IReadOnlyList<string> With);

/// <summary>A creator's row of the co-watch index: how many viewers it has, and how many of them watched each other creator.</summary>
[GenerateSerializer, Immutable, Alias("lsx.CoWatchRow")]
public sealed record CoWatchRow(
    [property: Id(0)] string Creator,
    [property: Id(1)] int Viewers,
    [property: Id(2)] IReadOnlyDictionary<string, int> CoViewers);

/// <summary>
/// One shard of the item-item co-watch index (creators whose id hashes to it), kept incrementally from the viewers'
/// interest grains: each creator's distinct viewers and, per other creator, the viewers both have. Key: the shard.
/// </summary>
[Alias("lsx.ICoWatchGrain")]
public interface ICoWatchGrain : IGrainWithIntegerKey
{
    [Alias("Record"), OneWay]
    Task RecordAsync(IReadOnlyList<CoWatch> pairs);

    /// <summary>The rows of these creators (those the shard has).</summary>
    [Alias("Rows"), AlwaysInterleave]
    Task<IReadOnlyList<CoWatchRow>> RowsAsync(IReadOnlyList<string> creators);

    /// <summary>The distinct viewer count of each of these creators the shard has.</summary>
    [Alias("Viewers"), AlwaysInterleave]
    Task<IReadOnlyDictionary<string, int>> ViewersAsync(IReadOnlyList<string> creators);
}

/// <summary>How the co-watch index is sharded and bounded.</summary>
public static class CoWatchShards
{
    public const int Count = 16;

    /// <summary>The most co-watched creators a row keeps (the least shared are dropped).</summary>
    public const int MaxNeighbours = 200;

    /// <summary>The most earlier creators of one viewer a new watch is paired with (the most recent ones).</summary>
    public const int MaxHistory = 50;

    public static int Of(string creatorId) => (int)(Common.ShardHash.Of(creatorId) % Count);
}
