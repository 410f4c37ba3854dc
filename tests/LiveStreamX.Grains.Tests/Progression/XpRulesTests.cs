using LiveStreamX.Progression;

namespace LiveStreamX.Grains.Tests.Progression;

public sealed class XpRulesTests
{
    [Theory]
    [InlineData(1, 0)]
    [InlineData(2, 100)]
    [InlineData(3, 282)]
    [InlineData(5, 800)]
    [InlineData(11, 3162)]
    public void TheLevelCurveIs100TimesNToThe1Point5(int level, long xp)
    {
        Assert.Equal(xp, XpRules.XpForLevel(level));
        Assert.Equal(level, XpRules.LevelOf(xp));
        if (xp > 0)
        {
            Assert.Equal(level - 1, XpRules.LevelOf(xp - 1));
        }
    }

    [Fact]
    public void EngagementXpCountsInFullUpTo300AnHourThenDiminishes()
    {
        Assert.Equal(300, XpRules.Award(0, 300));
        Assert.Equal(300, XpRules.Effective(300));

        // A bot earning 10,000 raw XP in an hour is worth little more than an engaged viewer.
        var bot = XpRules.Effective(10_000);
        Assert.InRange(bot, 750, 800);

        // Each further action is worth less than the one before.
        var early = XpRules.Award(400, 10);
        var late = XpRules.Award(4_000, 10);
        Assert.True(early > late);
        Assert.True(XpRules.Award(300, 10) < 10);
    }

    [Fact]
    public void GiftsEarnOneXpPerTokenAndBaseAmountsAreAsDocumented()
    {
        Assert.Equal(500, XpRules.Base(XpSource.Gift, 500));
        Assert.Equal(10, XpRules.Base(XpSource.Watch, 1));
        Assert.Equal(2, XpRules.Base(XpSource.ChatMessage, 1));
        Assert.Equal(5, XpRules.Base(XpSource.PollVote, 1));
        Assert.Equal(160, XpRules.CreatorXp(new CreatorActivity(HoursStreamed: 2, UniqueViewers: 20, TokensReceived: 200)));
    }

    public static TheoryData<string, ProgressStats> BadgeCases() => new()
    {
        { "first-gift", new() { GiftsSent = 1 } },
        { "generous", new() { TokensGifted = 10_000 } },
        { "chatterbox", new() { ChatMessages = 100 } },
        { "poll-enthusiast", new() { PollVotes = 10 } },
        { "curious", new() { Questions = 5 } },
        { "hype-machine", new() { Reactions = 1_000 } },
        { "regular", new() { WatchHeartbeats = 1_200 } },
        { "streak-7", new() { WatchStreakDays = 7 } },
        { "night-owl", new() { NightHeartbeats = 120 } },
        { "top-gifter", new() { TopThreeGifter = 1 } },
        { "crowd-puller", new() { PeakViewers = 100 } },
        { "well-loved", new() { TokensReceived = 10_000 } },
        { "marathon", new() { HoursStreamed = 10 } },
    };

    [Theory]
    [MemberData(nameof(BadgeCases))]
    public void EachBadgeIsEarnedAtItsThresholdAndNotBelow(string code, ProgressStats reached)
    {
        Assert.Equal([code], Badges.NewlyEarned(reached, []).Select(b => b.Code));
        Assert.Empty(Badges.NewlyEarned(reached, [code]));
        Assert.Empty(Badges.NewlyEarned(new ProgressStats(), []));
        Assert.True(Badges.All.Count >= 12);
    }
}
