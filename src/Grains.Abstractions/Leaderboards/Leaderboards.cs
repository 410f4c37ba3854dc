namespace LiveStreamX.Leaderboards;

/// <summary>One row of a leaderboard.</summary>
[GenerateSerializer, Immutable, Alias("lsx.BoardEntry")]
public sealed record BoardEntry(
    [property: Id(0)] string UserId,
    [property: Id(1)] string Handle,
    [property: Id(2)] long Score);

/// <summary>A user's place on a board and the users around them.</summary>
[GenerateSerializer, Immutable, Alias("lsx.BoardRank")]
public sealed record BoardRank(
    [property: Id(0)] long Rank,
    [property: Id(1)] BoardEntry Entry,
    [property: Id(2)] IReadOnlyList<BoardEntry> Above,
    [property: Id(3)] IReadOnlyList<BoardEntry> Below);

/// <summary>
/// Board order, written once: higher score first; equal scores by user id (stable, and the same on every shard),
/// so the merge of the shards' orders is the one global order.
/// </summary>
public sealed class BoardOrder : IComparer<BoardEntry>
{
    public static readonly BoardOrder Instance = new();

    public int Compare(BoardEntry? x, BoardEntry? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? 1 : -1;
        }

        var byScore = y.Score.CompareTo(x.Score);
        return byScore != 0 ? byScore : string.CompareOrdinal(x.UserId, y.UserId);
    }

    /// <summary>The top <paramref name="n"/> of several already ordered lists, in order.</summary>
    public static IReadOnlyList<BoardEntry> Merge(IEnumerable<IReadOnlyList<BoardEntry>> ordered, int n) =>
        ordered.SelectMany(list => list.Take(n)).Order(Instance).Take(n).ToArray();
}

/// <summary>The categories of boards.</summary>
public static class BoardCategories
{
    public const string Gifters = "gifters";
    public const string Engaged = "engaged";
    public const string CreatorTokens = "creator-tokens";
    public const string CreatorEngagement = "creator-engagement";
    public static readonly IReadOnlyList<string> All = [Gifters, Engaged, CreatorTokens, CreatorEngagement];

    /// <summary>Shards per global board: each holds the users whose id hashes to it.</summary>
    public const int Shards = 16;

    public static int ShardOf(string userId) => Wallets.WalletRegistry.ShardOf(userId) % Shards;

    /// <summary>A board's id: its category and scope ("all" or "season-{n}").</summary>
    public static string Board(string category, string scope) => $"{category}:{scope}";

    /// <summary>The id of a board's shard <paramref name="shard"/>.</summary>
    public static string ShardKey(string board, int shard) => $"{board}/{shard}";

    /// <summary>The id of the shard of <paramref name="board"/> that holds <paramref name="userId"/>.</summary>
    public static string ShardKeyOf(string board, string userId) => ShardKey(board, ShardOf(userId));
}

/// <summary>One shard of a board: the scores of the users hashed to it. Key: "{board}/{shard}".</summary>
[Alias("lsx.ILeaderboardShardGrain")]
public interface ILeaderboardShardGrain : IGrainWithStringKey
{
    [Alias("Add"), Orleans.Concurrency.OneWay]
    Task AddAsync(string userId, string handle, long delta);

    /// <summary>Adds several users' scores at once (a silo's scores of one window).</summary>
    [Alias("AddMany")]
    Task AddManyAsync(IReadOnlyList<BoardEntry> deltas);

    [Alias("Top"), Orleans.Concurrency.ReadOnly]
    Task<IReadOnlyList<BoardEntry>> TopAsync(int n);

    [Alias("Get"), Orleans.Concurrency.ReadOnly]
    Task<BoardEntry?> GetAsync(string userId);

    /// <summary>How many entries order before <paramref name="entry"/>, and the nearest ones before and after it.</summary>
    [Alias("Around"), Orleans.Concurrency.ReadOnly]
    Task<(long Before, IReadOnlyList<BoardEntry> Above, IReadOnlyList<BoardEntry> Below)> AroundAsync(BoardEntry entry, int neighbours);
}

/// <summary>A whole board, merged from its shards. Key: the board id.</summary>
[Alias("lsx.ILeaderboardGrain")]
public interface ILeaderboardGrain : IGrainWithStringKey
{
    [Alias("Top")]
    Task<IReadOnlyList<BoardEntry>> TopAsync(int n);

    /// <summary>The user's rank and neighbours, or null when the user is not on the board.</summary>
    [Alias("Rank")]
    Task<BoardRank?> RankAsync(string userId, int neighbours);

    /// <summary>Adds to a user's score on this board (one-way; routed to the user's shard).</summary>
    [Alias("Add"), Orleans.Concurrency.OneWay]
    Task AddAsync(string userId, string handle, long delta);
}

/// <summary>A weekly season.</summary>
[GenerateSerializer, Immutable, Alias("lsx.Season")]
public sealed record Season(
    [property: Id(0)] int Number,
    [property: Id(1)] DateTimeOffset StartsAt,
    [property: Id(2)] DateTimeOffset EndsAt);

/// <summary>A finished season's final standings, per category (top 100).</summary>
[GenerateSerializer, Immutable, Alias("lsx.SeasonStandings")]
public sealed record SeasonStandings(
    [property: Id(0)] Season Season,
    [property: Id(1)] IReadOnlyDictionary<string, IReadOnlyList<BoardEntry>> Boards);

/// <summary>The season clock: rolls over weekly by a reminder and archives the standings. Key: 0.</summary>
[Alias("lsx.ISeasonGrain")]
public interface ISeasonGrain : IGrainWithIntegerKey
{
    [Alias("Current")]
    Task<Season> CurrentAsync();

    /// <summary>Ends the season if its time is up (the reminder calls this); returns the current season.</summary>
    [Alias("RollOverIfDue")]
    Task<Season> RollOverIfDueAsync();

    /// <summary>A finished season's standings, or null.</summary>
    [Alias("Archived")]
    Task<SeasonStandings?> ArchivedAsync(int number);
}

/// <summary>Records scores on a category's all-time and current-season boards. Key: 0 (a stateless worker per silo).</summary>
[Alias("lsx.ILeaderboardRecorderGrain")]
public interface ILeaderboardRecorderGrain : IGrainWithIntegerKey
{
    [Alias("Record"), Orleans.Concurrency.OneWay]
    Task RecordAsync(string category, string userId, long delta);

    /// <summary>Adds a silo's scores of one window, one call per board shard they touch.</summary>
    [Alias("RecordMany")]
    Task RecordManyAsync(IReadOnlyList<ScoreDelta> deltas);
}

/// <summary>Points a user gained in a category.</summary>
[GenerateSerializer, Immutable, Alias("lsx.ScoreDelta")]
public sealed record ScoreDelta([property: Id(0)] string Category, [property: Id(1)] string UserId, [property: Id(2)] long Delta);

/// <summary>A stream's live board (its top gifters), at most once a second while gifts come in.</summary>
[GenerateSerializer, Immutable, Alias("lsx.LeaderboardUpdated")]
public sealed record LeaderboardUpdated : Streams.StreamEvent
{
    public override string Type => Streams.EventNames.LeaderboardUpdate;

    [Id(0)] public required string Board { get; init; }

    [Id(1)] public required IReadOnlyList<BoardEntry> Entries { get; init; }
}
