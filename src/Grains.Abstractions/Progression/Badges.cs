namespace LiveStreamX.Progression;

/// <summary>What a user has done, as the badge rules read it.</summary>
[GenerateSerializer, Immutable, Alias("lsx.ProgressStats")]
public sealed record ProgressStats
{
    [Id(0)] public long GiftsSent { get; init; }

    [Id(1)] public long TokensGifted { get; init; }

    [Id(2)] public long ChatMessages { get; init; }

    [Id(3)] public long PollVotes { get; init; }

    [Id(4)] public long Questions { get; init; }

    [Id(5)] public long Reactions { get; init; }

    [Id(6)] public long WatchHeartbeats { get; init; }

    /// <summary>Consecutive days (UTC) with watch time, ending at <see cref="LastWatchDay"/>.</summary>
    [Id(7)] public int WatchStreakDays { get; init; }

    [Id(8)] public DateOnly? LastWatchDay { get; init; }

    /// <summary>Watch heartbeats between 00:00 and 05:00 UTC.</summary>
    [Id(9)] public long NightHeartbeats { get; init; }

    /// <summary>As a creator: tokens received, hours streamed, peak viewers of one stream.</summary>
    [Id(10)] public long TokensReceived { get; init; }

    [Id(11)] public double HoursStreamed { get; init; }

    [Id(12)] public int PeakViewers { get; init; }

    /// <summary>Streams in which the user was among the top 3 gifters.</summary>
    [Id(13)] public long TopThreeGifter { get; init; }
}

/// <summary>A badge: its code, name, what it is for, and the rule that grants it.</summary>
public sealed record BadgeRule(string Code, string Name, string Description, bool ForCreators, Func<ProgressStats, bool> Earned);

/// <summary>The badges, written once; docs/PROGRESSION.md lists them.</summary>
public static class Badges
{
    public static IReadOnlyList<BadgeRule> All { get; } =
    [
        new("first-gift", "First Gift", "Sent a first gift.", false, s => s.GiftsSent >= 1),
        new("generous", "Generous", "Gifted 10,000 tokens.", false, s => s.TokensGifted >= 10_000),
        new("chatterbox", "Chatterbox", "Sent 100 chat messages.", false, s => s.ChatMessages >= 100),
        new("poll-enthusiast", "Poll Enthusiast", "Voted in 10 polls.", false, s => s.PollVotes >= 10),
        new("curious", "Curious Mind", "Asked 5 questions.", false, s => s.Questions >= 5),
        new("hype-machine", "Hype Machine", "Sent 1,000 reactions.", false, s => s.Reactions >= 1_000),
        new("regular", "Regular", "Watched for 10 hours.", false, s => s.WatchHeartbeats >= 1_200),
        new("streak-7", "7-Day Streak", "Watched on 7 days in a row.", false, s => s.WatchStreakDays >= 7),
        new("night-owl", "Night Owl", "Watched an hour between midnight and 5 a.m. (UTC).", false, s => s.NightHeartbeats >= 120),
        new("top-gifter", "Top Gifter", "Was among a stream's top 3 gifters.", false, s => s.TopThreeGifter >= 1),
        new("crowd-puller", "Crowd Puller", "Had 100 viewers at once.", true, s => s.PeakViewers >= 100),
        new("well-loved", "Well Loved", "Received 10,000 tokens.", true, s => s.TokensReceived >= 10_000),
        new("marathon", "Marathon", "Streamed for 10 hours.", true, s => s.HoursStreamed >= 10),
    ];

    /// <summary>Badges <paramref name="stats"/> earns that <paramref name="owned"/> does not have yet.</summary>
    public static IReadOnlyList<BadgeRule> NewlyEarned(ProgressStats stats, IReadOnlyCollection<string> owned) =>
        [.. All.Where(b => !owned.Contains(b.Code) && b.Earned(stats))];
}
