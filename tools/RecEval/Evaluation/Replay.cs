using System.Diagnostics;
using LiveStreamX.Discovery.Ranking;
using LiveStreamX.Grains.Discovery.Ranking;
using LiveStreamX.RecEval.Traces;

namespace LiveStreamX.RecEval.Evaluation;

/// <summary>What the replay knows about one user: the ranker's interest state and the raw history REP reads.</summary>
internal sealed class EvalUser
{
    public InterestState Interest { get; } = new();

    public Dictionary<string, (int Sessions, int LastTick)> History { get; } = new(StringComparer.Ordinal);
}

/// <summary>The streamers live at one tick, as ranking candidates, and the shared co-watch index.</summary>
internal sealed record LiveSnapshot(int Tick, DateTimeOffset Now, LiveCandidate[] Candidates, Dictionary<string, int> IndexOf, CoWatchIndex CoWatch, CreatorEmbeddings? Embeddings);

/// <summary>How a replay runs.</summary>
internal sealed record ReplaySettings
{
    /// <summary>Ticks replayed only to learn from, before any moment is evaluated.</summary>
    public int WarmupTicks { get; init; } = TraceGenerator.TicksPerDay;

    /// <summary>Stops evaluating (and says so) after this long.</summary>
    public TimeSpan Budget { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Times a production-shaped request (20 items with reasons) on every n-th evaluated moment.</summary>
    public int TimeEvery { get; init; } = 10;

    public RankingOptions Options { get; init; } = new();

    /// <summary>How often the matrix factorisation is retrained on the sessions so far (0: never, no embeddings).</summary>
    public int RetrainTicks { get; init; } = TraceGenerator.TicksPerDay;

    public FactorizationSettings Factorization { get; init; } = new();
}

/// <summary>What a replay measured.</summary>
internal sealed record ReplayResult(
    IReadOnlyList<string> Rankers,
    Dictionary<(string Ranker, Split Split), Metrics> Metrics,
    Timings RankTimes,
    int Users,
    int Streamers,
    int Sessions,
    int Ticks,
    int EvaluatedUntilTick,
    bool StoppedByBudget,
    double AverageLive,
    TimeSpan Elapsed)
{
    public Metrics Of(string ranker, Split split) => Metrics[(ranker, split)];
}

/// <summary>
/// Replays a trace in time order through the ranking code, as Rappaz et al. evaluate: at each moment a user starts
/// watching a streamer, every method ranks the streamers live at that tick and the watched one's rank is recorded;
/// only then does the session (and, when it ends, its watch time) update the user's state and the co-watch index.
/// Live at a tick means some session covers it; viewers are sessions begun before the tick and still on, so the
/// moment's own session never counts towards its streamer's popularity.
/// </summary>
internal sealed class Replay(WatchTrace trace, ReplaySettings settings)
{
    /// <summary>Tick 0 of a trace, as the ranker's clock.</summary>
    public static readonly DateTimeOffset Epoch = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);

    private readonly Dictionary<string, EvalUser> users = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, EvalUser> Users => users;

    public CoWatchIndex CoWatch { get; } = new CoWatchIndex().Configure(settings.Options);

    /// <summary>The last model trained, on the sessions before it; null before the first retraining.</summary>
    public CreatorEmbeddings? Embeddings { get; private set; }

    private readonly List<(string Viewer, string Creator)> watched = [];
    private readonly HashSet<(string, string)> watchedSet = [];
    private int trainedAt = -1;

    public static DateTimeOffset TimeOf(int tick) => Epoch.AddMinutes(tick * 10.0);

    public ReplayResult Run()
    {
        var clock = Stopwatch.StartNew();
        IEvalRanker[] rankers = [new PopularRanker(), new RepeatRanker(), .. LibraryRanker.HybridAndSources(settings.Options), new FactorizationRanker(settings.Options)];
        var hybrid = new Ranker(settings.Options);
        var metrics = rankers.SelectMany(r => Enum.GetValues<Split>().Select(s => (r.Name, s))).ToDictionary(k => k, _ => new Metrics());
        var times = new Timings();

        var sessions = trace.Sessions;
        var viewers = new Dictionary<string, int>(StringComparer.Ordinal);
        var previousViewers = new Dictionary<string, (int Viewers, int Tick)>(StringComparer.Ordinal);
        var liveSince = new Dictionary<string, int>(StringComparer.Ordinal);
        var currentStream = new Dictionary<string, string>(StringComparer.Ordinal);
        var ending = new PriorityQueue<Session, int>();
        var onAir = new Dictionary<string, Broadcast>(StringComparer.Ordinal);
        var broadcastsEnding = new PriorityQueue<Broadcast, int>();
        var nextBroadcast = 0;
        var evaluated = 0L;
        var liveSum = 0L;
        var liveTicks = 0;
        var stopped = false;
        var lastTick = sessions.Count == 0 ? 0 : sessions.Max(s => s.Stop);
        var evaluatedUntil = 0;

        for (var next = 0; next < sessions.Count;)
        {
            var tick = sessions[next].Start;
            var now = TimeOf(tick);

            // Sessions over by this tick: their streamers lose a viewer, their users learn the watch time.
            while (ending.TryPeek(out var done, out var stop) && stop <= tick)
            {
                ending.Dequeue();
                if (--viewers[done.Streamer] == 0)
                {
                    viewers.Remove(done.Streamer);
                }

                Learn(User(done.User), new InterestSignal(InterestSignalKind.Watched, done.Streamer, done.Streamer, done.Stream, "", [], [], (done.Stop - done.Start) * 10.0, TimeOf(done.Stop)), done);
            }

            // Broadcasts on air at this tick, when the trace has them: live whether watched or not.
            while (nextBroadcast < trace.Broadcasts.Count && trace.Broadcasts[nextBroadcast].Start <= tick)
            {
                var broadcast = trace.Broadcasts[nextBroadcast++];
                onAir[broadcast.Streamer] = broadcast;
                broadcastsEnding.Enqueue(broadcast, broadcast.Stop);
            }

            while (broadcastsEnding.TryPeek(out var over, out var overAt) && overAt <= tick)
            {
                broadcastsEnding.Dequeue();
                if (onAir.TryGetValue(over.Streamer, out var current) && current == over)
                {
                    onAir.Remove(over.Streamer);
                }
            }

            // Retrained on what happened before this tick, as a periodic job would be.
            if (settings.RetrainTicks > 0 && tick / settings.RetrainTicks > trainedAt && watched.Count > 0)
            {
                trainedAt = tick / settings.RetrainTicks;
                Embeddings = ImplicitFactorization.Train(watched, settings.Factorization, now);
            }

            var first = next;
            while (next < sessions.Count && sessions[next].Start == tick)
            {
                next++;
            }

            var evaluate = tick >= settings.WarmupTicks && !stopped;
            if (evaluate && clock.Elapsed > settings.Budget)
            {
                stopped = true;
                evaluate = false;
            }

            if (evaluate)
            {
                var live = Snapshot(tick, now, first, next);
                liveSum += live.Candidates.Length;
                liveTicks++;
                evaluatedUntil = tick;
                for (var i = first; i < next; i++)
                {
                    var session = sessions[i];
                    var user = User(session.User);
                    var split = user.History.ContainsKey(session.Streamer) ? Split.Repeat : Split.New;
                    foreach (var ranker in rankers)
                    {
                        var rank = ranker.RankOf(user, session.Streamer, live);
                        metrics[(ranker.Name, Split.All)].Add(rank);
                        metrics[(ranker.Name, split)].Add(rank);
                    }

                    if (evaluated++ % settings.TimeEvery == 0)
                    {
                        var started = Stopwatch.GetTimestamp();
                        hybrid.Rank(new RankingRequest(user.Interest, live.Candidates, now, 20) { CoWatch = CoWatch, Embeddings = Embeddings });
                        times.Add(Stopwatch.GetTimestamp() - started);
                    }
                }
            }

            // Only now do this tick's sessions become known: to their users, the co-watch index and the viewer counts.
            for (var i = first; i < next; i++)
            {
                var session = sessions[i];
                var user = User(session.User);
                CoWatch.Observe(user.Interest, session.Streamer, now, settings.Options);
                var meta = Meta(session.Streamer);
                Learn(user, new InterestSignal(InterestSignalKind.WatchStarted, session.Streamer, session.Streamer, session.Stream, meta.Category, meta.Tags, meta.Terms, 1, now), session);
                user.History[session.Streamer] = (user.History.GetValueOrDefault(session.Streamer).Sessions + 1, tick);
                if (watchedSet.Add((session.User, session.Streamer)))
                {
                    watched.Add((session.User, session.Streamer));
                }

                if (!viewers.ContainsKey(session.Streamer))
                {
                    liveSince[session.Streamer] = tick;
                }

                viewers[session.Streamer] = viewers.GetValueOrDefault(session.Streamer) + 1;
                currentStream[session.Streamer] = session.Stream;
                ending.Enqueue(session, session.Stop);
            }
        }

        var streamers = sessions.Select(s => s.Streamer).Distinct(StringComparer.Ordinal).Count();
        return new ReplayResult(
            [.. rankers.Select(r => r.Name)],
            metrics,
            times,
            users.Count,
            streamers,
            sessions.Count,
            lastTick,
            evaluatedUntil,
            stopped,
            liveTicks == 0 ? 0 : (double)liveSum / liveTicks,
            clock.Elapsed);

        // The streamers live at this tick: those on air, those with viewers, and those a session starts on now.
        LiveSnapshot Snapshot(int tick, DateTimeOffset now, int first, int next)
        {
            var live = new HashSet<string>(viewers.Keys, StringComparer.Ordinal);
            live.UnionWith(onAir.Keys);
            for (var i = first; i < next; i++)
            {
                live.Add(sessions[i].Streamer);
            }

            var candidates = new LiveCandidate[live.Count];
            var index = new Dictionary<string, int>(live.Count, StringComparer.Ordinal);
            var k = 0;
            foreach (var streamer in live.Order(StringComparer.Ordinal))
            {
                var count = viewers.GetValueOrDefault(streamer);
                var velocity = previousViewers.TryGetValue(streamer, out var before) && before.Tick < tick
                    ? (count - before.Viewers) / (10.0 * (tick - before.Tick))
                    : 0;
                previousViewers[streamer] = (count, tick);
                var meta = Meta(streamer);
                var broadcast = onAir.GetValueOrDefault(streamer);
                var stream = broadcast?.Stream ?? currentStream.GetValueOrDefault(streamer) ?? sessions.Skip(first).Take(next - first).First(s => s.Streamer == streamer).Stream;
                var started = broadcast?.Start ?? (liveSince.TryGetValue(streamer, out var since) && viewers.ContainsKey(streamer) ? since : tick);
                candidates[k] = new LiveCandidate(stream, streamer, streamer, meta.Title, meta.Category, meta.Tags, meta.Terms, count, velocity, TimeOf(started), null);
                index[streamer] = k++;
            }

            return new LiveSnapshot(tick, now, candidates, index, CoWatch, Embeddings);
        }
    }

    private readonly Dictionary<string, (string Category, string[] Tags, string[] Terms, string Title)> metas = new(StringComparer.Ordinal);

    private (string Category, string[] Tags, string[] Terms, string Title) Meta(string streamer)
    {
        if (!metas.TryGetValue(streamer, out var meta))
        {
            meta = trace.Streamers.TryGetValue(streamer, out var m)
                ? (m.Category, TitleTerms.NormalizeTags(m.Tags), TitleTerms.Extract(m.Title), m.Title)
                : ("", [], [], streamer);
            metas[streamer] = meta;
        }

        return meta;
    }

    private EvalUser User(string id)
    {
        if (!users.TryGetValue(id, out var user))
        {
            users[id] = user = new EvalUser();
        }

        return user;
    }

    private void Learn(EvalUser user, InterestSignal signal, Session session)
    {
        if (signal.Kind == InterestSignalKind.Watched)
        {
            var meta = Meta(session.Streamer);
            signal = signal with { Category = meta.Category, Tags = meta.Tags, TitleTerms = meta.Terms };
        }

        InterestModel.Apply(user.Interest, signal, settings.Options);
    }
}
