using LiveStreamX.RecEval.Evaluation;
using LiveStreamX.RecEval.Traces;

namespace LiveStreamX.RecEval.Tests;

public sealed class HandCheckedTraceTests
{
    // Eight moments, worked out by hand (viewers at a tick = sessions begun before it and still on):
    //   tick 0: A, B, C all start with no viewers yet, so POP orders them by name: u1→A 1st, u2→B 2nd, u3→B 2nd, u4→C 3rd
    //   tick 2: A has u1, B has u2 and u3, C is over: u1→B 1st; REP: u1 never watched B
    //   tick 3: u1 left B at 3: A 1, B 2: u4→A 2nd
    //   tick 4: A 1 (u4 left at 4), B 2: u1→B 1st, and REP has u1's A and B at one session each, B the later: 1st;
    //           u2→A 2nd, new to u2
    private const string Trace = """
        u1,s1,A,0,5
        u2,s2,B,0,5
        u3,s2,B,0,5
        u4,s3,C,0,1
        u1,s2,B,2,3
        bad,line
        u4,s1,A,3,4
        u9,s1,A,5,3
        u1,s2,B,4,5
        u2,s1,A,4,5
        """;

    private static ReplayResult Replay(out WatchTrace trace)
    {
        trace = TraceFiles.Read(new StringReader(Trace));
        return new Replay(trace, new ReplaySettings { WarmupTicks = 0 }).Run();
    }

    [Fact]
    public void MalformedLinesAreReportedWithTheirNumbersAndTheRestIsRead()
    {
        Replay(out var trace);

        Assert.Equal(8, trace.Sessions.Count);
        Assert.Equal(2, trace.ErrorCount);
        Assert.Equal([6, 8], trace.Errors.Select(e => e.Line));
        Assert.Contains("expected 5 fields", trace.Errors[0].Reason, StringComparison.Ordinal);
        Assert.Contains("stop '3' is not a tick after start 5", trace.Errors[1].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void PopularNowIsComputedFromTheViewersAtEachMoment()
    {
        var pop = Replay(out _).Of("POP", Split.All);

        // Ranks 1, 2, 2, 3, 1, 2, 1, 2.
        Assert.Equal(8, pop.Count);
        Assert.Equal(3.0 / 8, pop.HR1, 6);
        Assert.Equal(1.0, pop.HR5, 6);
        Assert.Equal(1.0, pop.HR10, 6);
        Assert.Equal((1 + 0.5 + 0.5 + (1.0 / 3) + 1 + 0.5 + 1 + 0.5) / 8, pop.MRR, 6);
        Assert.Equal((3 + (4 / Math.Log2(3)) + (1 / Math.Log2(4))) / 8, pop.NDCG10, 6);
    }

    [Fact]
    public void RepeatRanksOnlyWhatTheUserWatchedBeforeAndScoresZeroOnNewStreamers()
    {
        var result = Replay(out _);

        var all = result.Of("REP", Split.All);
        Assert.Equal(8, all.Count);
        Assert.Equal(1.0 / 8, all.HR1, 6);
        Assert.Equal(1.0 / 8, all.MRR, 6);
        Assert.Equal(1, result.Of("REP", Split.Repeat).Count);
        Assert.Equal(1.0, result.Of("REP", Split.Repeat).HR1, 6);
        Assert.Equal(7, result.Of("REP", Split.New).Count);
        Assert.Equal(0.0, result.Of("REP", Split.New).HR10, 6);
    }

    [Fact]
    public void TheHybridAndEachSourceAreEvaluatedOnTheSameMoments()
    {
        var result = Replay(out _);

        Assert.Equal(["POP", "REP", "Hybrid", "Repeat alone", "CoWatch alone", "Content alone", "Trending alone", "MF-BPR"], result.Rankers);
        Assert.All(result.Rankers, name => Assert.Equal(8, result.Of(name, Split.All).Count));

        // The hybrid knows what REP knows: the one repeat moment is first for it too.
        Assert.Equal(1.0, result.Of("Hybrid", Split.Repeat).HR1, 6);
    }

    [Fact]
    public void NdcgIsTheDiscountedGainAtTheWatchedStreamersRank()
    {
        var metrics = new Metrics();
        metrics.Add(3);
        metrics.Add(0);
        metrics.Add(11);

        Assert.Equal(0.5 / 3, metrics.NDCG10, 6);
        Assert.Equal((1.0 / 3 + 1.0 / 11) / 3, metrics.MRR, 6);
        Assert.Equal(1.0 / 3, metrics.HR5, 6);
    }
}
