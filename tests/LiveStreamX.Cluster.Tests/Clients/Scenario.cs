using System.Diagnostics;
using System.Text.Json;
using LiveStreamX.Cluster.Tests.Processes;
using Xunit.Abstractions;

namespace LiveStreamX.Cluster.Tests.Clients;

/// <summary>Who takes part in a fault scenario and where each one connects.</summary>
public sealed record ScenarioShape
{
    public int Streams { get; init; } = 2;

    public int Viewers { get; init; } = 8;

    public int Senders { get; init; } = 20;

    public int Chatters { get; init; } = 4;

    /// <summary>Viewers, senders and chatters connect to these in turn (Api nodes, or the proxy in front of them).</summary>
    public required IReadOnlyList<Uri> Targets { get; init; }

    /// <summary>WebSockets without negotiate, for a load balancer without sticky sessions.</summary>
    public bool SkipNegotiation { get; init; }
}

/// <summary>
/// A steady gift and chat load on live streams watched by protocol-following viewers, a fault in the middle of
/// it, and the checks that nothing was lost: the ledger, every acknowledged gift, every viewer's events.
/// </summary>
public sealed class Scenario : IAsyncDisposable
{
    private static readonly TimeSpan ChatPace = TimeSpan.FromMilliseconds(1200);

    private readonly LocalCluster _cluster;
    private readonly ITestOutputHelper _output;
    private readonly List<HttpClient> _http = [];

    private Scenario(LocalCluster cluster, ITestOutputHelper output, ScenarioShape shape)
    {
        _cluster = cluster;
        _output = output;
        Shape = shape;
    }

    public ScenarioShape Shape { get; }

    public Stopwatch Clock { get; } = Stopwatch.StartNew();

    public List<string> Streams { get; } = [];

    public List<TestUser> Creators { get; } = [];

    public List<ProtocolViewer> Viewers { get; } = [];

    public List<GiftSender> Senders { get; } = [];

    public List<Chatter> Chatters { get; } = [];

    /// <summary>When the fault happened, on <see cref="Clock"/>.</summary>
    public TimeSpan FaultAt { get; private set; }

    public IEnumerable<AckedGift> AckedGifts => Senders.SelectMany(s => s.Acked);

    public IEnumerable<AckedChat> AckedChats => Chatters.SelectMany(c => c.Acked);

    public IEnumerable<Attempt> GiftAttempts => Senders.SelectMany(s => s.Attempts);

    public IEnumerable<Attempt> ChatAttempts => Chatters.SelectMany(c => c.Attempts);

    /// <summary>Signs everyone in, creates and starts the streams, connects and joins the viewers and chatters.</summary>
    public static async Task<Scenario> PrepareAsync(LocalCluster cluster, ITestOutputHelper output, ScenarioShape shape)
    {
        var scenario = new Scenario(cluster, output, shape);
        try
        {
            await scenario.PrepareAsync();
            return scenario;
        }
        catch
        {
            await scenario.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Runs the load: every sender sends <paramref name="giftsEach"/> gifts, chatters chat meanwhile. When
    /// <paramref name="faultAfter"/> of the gifts are acknowledged, <paramref name="fault"/> runs.
    /// </summary>
    public async Task RunAsync(int giftsEach, TimeSpan giftPace, double faultAfter, Func<Task> fault)
    {
        var threshold = (int)(Senders.Count * giftsEach * faultAfter);
        var acked = 0;
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stopChat = new CancellationTokenSource();
        var chats = Chatters.Select(c => Task.Run(() => c.RunAsync(Streams, ChatPace, stopChat.Token))).ToList();
        var gifts = Task.WhenAll(Senders.Select(s => Task.Run(() => s.RunAsync(giftsEach, giftPace, () =>
        {
            if (Interlocked.Increment(ref acked) == threshold)
            {
                reached.TrySetResult();
            }
        }))));

        await Task.WhenAny(reached.Task, gifts).WaitAsync(TimeSpan.FromMinutes(2));
        if (gifts.IsFaulted)
        {
            await gifts;
        }

        FaultAt = Clock.Elapsed;
        await fault();
        await gifts.WaitAsync(TimeSpan.FromMinutes(3));
        await stopChat.CancelAsync();
        await Task.WhenAll(chats).WaitAsync(TimeSpan.FromMinutes(1));
    }

    /// <summary>
    /// Each stream's creator posts a last chat message through <paramref name="api"/>; waits until every viewer
    /// has applied it, which only the live feed can bring (nothing else makes a viewer re-join). Returns how long.
    /// </summary>
    public async Task<TimeSpan> WaitForViewersToCatchUpAsync(Uri api, TimeSpan timeout)
    {
        var started = Clock.Elapsed;
        for (var i = 0; i < Streams.Count; i++)
        {
            await using var creator = new HubClient(new Uri(api, "/hubs/live"), Creators[i].Token);
            await creator.StartAsync();
            var seq = (await creator.ChatAsync(Streams[i], "that's all, folks")).GetProperty("seq").GetInt64();
            foreach (var viewer in Viewers.Where(v => v.StreamId == Streams[i]))
            {
                await viewer.WaitUntilAsync(seq, timeout - (Clock.Elapsed - started));
            }
        }

        return Clock.Elapsed - started;
    }

    /// <summary>
    /// Waits until each stream's gift total equals the tokens acknowledged for it, without touching a wallet:
    /// undelivered gifts are delivered by the wallets themselves (their outbox reminder). Returns how long it took.
    /// </summary>
    public async Task<TimeSpan> WaitForGiftTotalsAsync(Uri api, TimeSpan timeout)
    {
        var started = Clock.Elapsed;
        using var http = LocalCluster.Http(api);
        foreach (var streamId in Streams)
        {
            var expected = AckedGifts.Where(g => g.StreamId == streamId).Sum(g => g.Tokens);
            long total = -1;
            await Timeouts.Eventually(
                async () =>
                {
                    try
                    {
                        total = (await http.GetFromJsonAsync<JsonElement>($"/api/streams/{streamId}/gifts")).GetProperty("totalTokens").GetInt64();
                    }
                    catch (HttpRequestException)
                    {
                    }

                    return total == expected;
                },
                $"stream {streamId} totals {expected} acknowledged tokens (last seen {total})",
                timeout);
        }

        return Clock.Elapsed - started;
    }

    /// <summary>The ledger audit over every wallet: ok, nothing in flight, and exactly the acknowledged debits.</summary>
    public async Task<JsonElement> VerifyLedgerAsync(Uri api)
    {
        using var http = LocalCluster.Http(api, _cluster.Admin().Token);
        var verification = await http.GetFromJsonAsync<JsonElement>("/api/admin/ledger/verify");
        Assert.True(verification.GetProperty("ok").GetBoolean(), verification.ToString());
        Assert.Equal(0, verification.GetProperty("inFlight").GetInt64());
        Assert.Equal(AckedGifts.Sum(g => g.Tokens), verification.GetProperty("totalDebits").GetInt64());
        return verification;
    }

    /// <summary>Every acknowledged gift is a debit in its sender's ledger, exactly once, and nothing else is.</summary>
    public async Task VerifyEveryAcknowledgedGiftIsInTheLedgerAsync(Uri api)
    {
        foreach (var sender in Senders)
        {
            using var http = LocalCluster.Http(api, sender.User.Token);
            var wallet = await http.GetFromJsonAsync<JsonElement>("/api/me/wallet?limit=100");
            var debits = wallet.GetProperty("entries").EnumerateArray()
                .Where(e => e.GetProperty("kind").GetString() == "gift-debit")
                .Select(e => e.GetProperty("reference").GetString()!)
                .Order()
                .ToList();
            Assert.Equal(sender.Acked.Select(a => a.TransferId).Order().ToList(), debits);
        }
    }

    /// <summary>
    /// Each viewer applied every seq after its first snapshot, one by one, except where the server said
    /// gapTooOld; and saw every acknowledged chat and gift of its stream that is not inside such a gap.
    /// </summary>
    public void VerifyViewersMissedNothing()
    {
        var giftSeqs = Viewers.SelectMany(v => v.AppliedEvents)
            .Where(e => e.Type == "gift:received")
            .GroupBy(e => e.Event.GetProperty("transferId").GetString()!)
            .ToDictionary(g => g.Key, g => g.First().Seq);
        foreach (var viewer in Viewers)
        {
            Assert.Null(viewer.Fault);
            var gaps = viewer.GapsTooOld;
            var expected = viewer.JoinedAt;
            foreach (var e in viewer.AppliedEvents)
            {
                if (e.Seq != expected + 1)
                {
                    Assert.Contains(gaps, g => g.After == expected && g.Resumed == e.Seq - 1);
                }

                expected = e.Seq;
            }

            bool InGap(long seq) => gaps.Any(g => seq > g.After && seq <= g.Resumed);
            var seen = viewer.AppliedEvents.Select(e => e.Seq).ToHashSet();
            foreach (var chat in AckedChats.Where(c => c.StreamId == viewer.StreamId && c.Seq > viewer.JoinedAt))
            {
                Assert.True(seen.Contains(chat.Seq) || InGap(chat.Seq), $"{viewer.Name} missed chat seq {chat.Seq}");
            }

            var gifts = viewer.AppliedEvents.Where(e => e.Type == "gift:received").Select(e => e.Event.GetProperty("transferId").GetString()!).ToHashSet();
            foreach (var gift in AckedGifts.Where(g => g.StreamId == viewer.StreamId))
            {
                var ok = gifts.Contains(gift.TransferId)
                    || (giftSeqs.TryGetValue(gift.TransferId, out var seq) ? InGap(seq) : gaps.Count > 0);
                Assert.True(ok, $"{viewer.Name} missed gift {gift.TransferId}");
            }
        }
    }

    /// <summary>The longest time after the fault during which no gift was acknowledged anywhere.</summary>
    public TimeSpan LongestAckStallAfterFault()
    {
        var acks = AckedGifts.Select(g => g.At).Where(t => t >= FaultAt).Order().Prepend(FaultAt).ToList();
        return acks.Zip(acks.Skip(1), (a, b) => b - a).DefaultIfEmpty(TimeSpan.Zero).Max();
    }

    /// <summary>The longest a viewer went without applying an event after the fault, until the load ended.</summary>
    public TimeSpan LongestViewerStallAfterFault()
    {
        var end = AckedGifts.Max(g => g.At);
        return Viewers.Select(v =>
        {
            var times = v.AppliedEvents.Select(e => e.At).Where(t => t >= FaultAt && t <= end).Order().Prepend(FaultAt).ToList();
            return times.Zip(times.Skip(1), (a, b) => b - a).DefaultIfEmpty(end - FaultAt).Max();
        }).Max();
    }

    /// <summary>Lines of the nodes' logs that match, for the report (for example the feed watchdog's).</summary>
    public static int CountLines(IEnumerable<Processes.NodeProcess> nodes, string text) =>
        nodes.Sum(n => n.Lines.Count(l => l.Contains(text, StringComparison.Ordinal)));

    /// <summary>The counts every scenario reports (docs/RELIABILITY.md).</summary>
    public void Report(string scenario, IReadOnlyDictionary<string, string> figures)
    {
        var failedGifts = GiftAttempts.Where(a => !a.Ok).GroupBy(a => a.Outcome).Select(g => $"{g.Key} ×{g.Count()}");
        var failedChats = ChatAttempts.Where(a => !a.Ok).GroupBy(a => a.Outcome).Select(g => $"{g.Key} ×{g.Count()}");
        var lines = new List<string>
        {
            $"== {scenario}",
            $"gifts: {AckedGifts.Count()} acknowledged ({AckedGifts.Sum(g => g.Tokens)} tokens) by {Senders.Count} senders; " +
                $"{GiftAttempts.Count(a => !a.Ok)} failed attempts, retried [{string.Join(", ", failedGifts)}]; " +
                $"slowest gift {AckedGifts.Max(g => g.Took).TotalSeconds:F1} s over {AckedGifts.Max(g => g.Tries)} tries",
            $"chat: {AckedChats.Count()} acknowledged, {ChatAttempts.Count(a => !a.Ok)} failed [{string.Join(", ", failedChats)}]",
            $"viewers: {Viewers.Count} on {Shape.Targets.Count} endpoint(s); events published after their joins {Viewers.Sum(v => v.Last - v.JoinedAt - v.GapsTooOld.Sum(g => g.Resumed - g.After))}, " +
                $"applied {Viewers.Sum(v => v.AppliedEvents.Count)} " +
                $"(replayed {Viewers.Sum(v => v.AppliedEvents.Count(e => e.Replayed))}); reconnects {Viewers.Sum(v => v.Reconnects)}, " +
                $"re-joins {Viewers.Sum(v => v.Rejoins)}, gapTooOld answers {Viewers.Sum(v => v.GapsTooOld.Count)}",
            $"fault at {FaultAt.TotalSeconds:F1} s; longest time without any acknowledged gift after it {LongestAckStallAfterFault().TotalSeconds:F1} s; " +
                $"longest a viewer went without an event after it {LongestViewerStallAfterFault().TotalSeconds:F1} s",
        };
        lines.AddRange(figures.Select(f => $"{f.Key}: {f.Value}"));
        if (Environment.GetEnvironmentVariable("LSX_CLUSTER_LOGS") == "1")
        {
            lines.AddRange(GiftAttempts.Concat(ChatAttempts).Where(a => !a.Ok).OrderBy(a => a.At).Select(a => $"  failed at {a.At.TotalSeconds:F2}: {a.Outcome}"));
            lines.AddRange(Viewers.Select(v => $"  {v.Name} {v.StreamId}: joined at {v.JoinedAt}, last {v.Last}, gaps [{string.Join(", ", v.GapsTooOld)}], " +
                $"applied at {string.Join(" ", v.AppliedEvents.Where(e => e.At >= FaultAt - TimeSpan.FromSeconds(1)).Select(e => $"{e.Seq}@{e.At.TotalSeconds:F1}{(e.Replayed ? "r" : "")}"))}"));
        }

        foreach (var line in lines)
        {
            _output.WriteLine(line);
        }

        if (Environment.GetEnvironmentVariable("LSX_RELIABILITY_REPORT") is { Length: > 0 } file)
        {
            File.AppendAllLines(file, [.. lines, string.Empty]);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var viewer in Viewers)
        {
            await viewer.DisposeAsync();
        }

        foreach (var chatter in Chatters)
        {
            await chatter.DisposeAsync();
        }

        foreach (var http in _http)
        {
            http.Dispose();
        }
    }

    private async Task PrepareAsync()
    {
        var targets = Shape.Targets;
        var first = targets[0];
        for (var i = 0; i < Shape.Streams; i++)
        {
            var creator = await SignInAsync(first, "creator");
            Creators.Add(creator);
            Streams.Add(await CreateLiveStreamAsync(first, creator));
        }

        for (var i = 0; i < Shape.Viewers; i++)
        {
            var viewer = new ProtocolViewer($"viewer{i}", targets[i % targets.Count], Streams[i / targets.Count % Streams.Count], Clock, Shape.SkipNegotiation);
            Viewers.Add(viewer);
        }

        await Task.WhenAll(Viewers.Select(v => v.StartAsync()));

        var senders = await Task.WhenAll(Enumerable.Range(0, Shape.Senders).Select(i => SignInAsync(targets[i % targets.Count], "viewer")));
        for (var i = 0; i < senders.Length; i++)
        {
            var http = LocalCluster.Http(targets[i % targets.Count]);
            _http.Add(http);
            // Senders start on different streams, so each stream gets gifts from everyone.
            Senders.Add(new GiftSender(senders[i], http, [.. Streams.Skip(i % Streams.Count), .. Streams.Take(i % Streams.Count)], Clock));
        }

        for (var i = 0; i < Shape.Chatters; i++)
        {
            var chatter = new Chatter(await SignInAsync(targets[i % targets.Count], "viewer"), targets[i % targets.Count], Clock, Shape.SkipNegotiation);
            await chatter.StartAsync();
            Chatters.Add(chatter);
        }
    }

    internal static async Task<TestUser> SignInAsync(Uri api, string role)
    {
        using var http = LocalCluster.Http(api);
        using var response = await http.PostAsJsonAsync("/api/auth/dev-login", new { handle = TestIds.Handle(role[..1]), role });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var user = body.GetProperty("user");
        return new TestUser(user.GetProperty("id").GetString()!, user.GetProperty("handle").GetString()!, body.GetProperty("accessToken").GetString()!);
    }

    internal static async Task<string> CreateLiveStreamAsync(Uri api, TestUser creator)
    {
        using var http = LocalCluster.Http(api, creator.Token);
        using var created = await http.PostAsJsonAsync("/api/streams", new { title = "Under fire", category = "testing" });
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        using var started = await http.PostAsync($"/api/streams/{id}/start", null);
        started.EnsureSuccessStatusCode();
        return id;
    }
}
