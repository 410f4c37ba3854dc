namespace LiveStreamX.Progression;

/// <summary>What a user did that may earn XP.</summary>
public enum XpSource
{
    /// <summary>A 30 s heartbeat while a live stream is visible on the user's page.</summary>
    Watch = 0,
    ChatMessage = 1,
    Reaction = 2,
    PollVote = 3,
    Question = 4,
    Gift = 5,
}

/// <summary>
/// The XP formula, written once (docs/PROGRESSION.md says the same in words):
/// <list type="bullet">
/// <item>base XP: watch 10 per heartbeat (at most one per 30 s), chat 2 (at most 10 messages a minute count),
/// reaction 1 (at most 20 a minute count), poll vote 5, question 5, gifts 1 per token;</item>
/// <item>per user, stream and clock hour, engagement XP (everything but gifts) has diminishing returns: the first
/// 300 count in full, beyond that raw XP r adds only 300 + 100·ln(1 + (r − 300)/100), so a bot that chats and
/// reacts all hour long earns about 500 instead of thousands; gifts are paid for and count in full.</item>
/// </list>
/// </summary>
public static class XpRules
{
    public const int WatchXp = 10;
    public static readonly TimeSpan WatchInterval = TimeSpan.FromSeconds(30);
    public const int ChatXp = 2;
    public const int ChatPerMinuteCap = 10;
    public const int ReactionXp = 1;
    public const int ReactionsPerMinuteCap = 20;
    public const int PollVoteXp = 5;
    public const int QuestionXp = 5;
    public const double HourlyFullXp = 300;
    public const double DiminishingScale = 100;

    /// <summary>Raw XP for one action of <paramref name="source"/> (for gifts, <paramref name="amount"/> tokens).</summary>
    public static long Base(XpSource source, long amount) => source switch
    {
        XpSource.Watch => WatchXp,
        XpSource.ChatMessage => ChatXp * amount,
        XpSource.Reaction => ReactionXp * amount,
        XpSource.PollVote => PollVoteXp,
        XpSource.Question => QuestionXp,
        XpSource.Gift => amount,
        _ => 0,
    };

    /// <summary>The XP an hour's raw engagement XP is worth after diminishing returns.</summary>
    public static double Effective(double rawInHour) =>
        rawInHour <= HourlyFullXp ? rawInHour : HourlyFullXp + (DiminishingScale * Math.Log(1 + ((rawInHour - HourlyFullXp) / DiminishingScale)));

    /// <summary>What adding <paramref name="raw"/> to an hour that already had <paramref name="before"/> is worth.</summary>
    public static long Award(double before, long raw) =>
        (long)Math.Floor(Effective(before + raw)) - (long)Math.Floor(Effective(before));

    /// <summary>Creator XP: 50 per hour streamed, 2 per unique viewer, 1 per 10 tokens received, 1 per 10 engagement actions received.</summary>
    public static long CreatorXp(CreatorActivity activity) =>
        (long)Math.Floor((activity.HoursStreamed * 50) + (activity.UniqueViewers * 2) + (activity.TokensReceived / 10.0) + (activity.EngagementReceived / 10.0));

    /// <summary>Total XP needed to reach <paramref name="level"/>: 0 for level 1, then 100·(n−1)^1.5.</summary>
    public static long XpForLevel(int level) => level <= 1 ? 0 : (long)Math.Floor(100 * Math.Pow(level - 1, 1.5));

    /// <summary>The level a total of <paramref name="xp"/> reaches (1 and up).</summary>
    public static int LevelOf(long xp)
    {
        var level = 1;
        while (XpForLevel(level + 1) <= xp)
        {
            level++;
        }

        return level;
    }
}
