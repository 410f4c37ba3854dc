using System.Collections.Concurrent;
using LiveStreamX.Common;
using LiveStreamX.LoadTest.Cli;
using LiveStreamX.LoadTest.Metrics;
using LiveStreamX.LoadTest.Scenarios;
using LiveStreamX.Mood;

namespace LiveStreamX.LoadTest.Engine;

/// <summary>
/// Reactions aggregated by the mood grains: each call is one batch of <see cref="LoadOptions.Batch"/> reactions to
/// one of M live streams, as an Api node sends what its viewers of a stream tapped in a window (the web layer adds
/// single reactions up; grains never see them one by one). Afterwards each stream's exact totals must equal what
/// the acknowledged batches carried.
/// </summary>
internal sealed class EngineReactions(LoadOptions options, IGrainFactory grains, string runId) : IEngineScenario
{
    private static readonly int Moods = Enum.GetValues<MoodKind>().Length;
    private readonly ConcurrentDictionary<string, long> _expected = new(StringComparer.Ordinal);
    private string[] _streams = [];

    public string Unit => "reactions";

    public int UnitsPerCall => options.Batch;

    public int Streams => _streams.Length;

    public int Senders => 0;

    public async Task PrepareAsync(CancellationToken cancellationToken) =>
        _streams = await EngineSetup.LiveStreamsAsync(grains, runId, options.StreamCount, cancellationToken);

    public async Task CallAsync(int worker, long k)
    {
        var stream = _streams[(worker + (k * options.Concurrency)) % _streams.Length];
        await grains.Get<IMoodGrain>(stream).AddAsync(new MoodBatch(Spread(options.Batch, worker + k)));
        _expected.AddOrUpdate(stream, options.Batch, (_, n) => n + options.Batch);
    }

    public async Task<RunChecks> CheckAsync()
    {
        long accepted = 0, counted = 0, lost = 0, doubled = 0;
        foreach (var stream in _streams)
        {
            var expected = _expected.GetValueOrDefault(stream);
            var total = (await grains.Get<IMoodGrain>(stream).GetAsync()).Totals.Values.Sum();
            accepted += expected;
            counted += total;
            lost += Math.Max(0, expected - total);
            doubled += Math.Max(0, total - expected);
        }

        return new RunChecks(null, new ReactionCheck(accepted, counted, lost, doubled));
    }

    /// <summary><paramref name="reactions"/> over the moods, evenly, the rest to one that turns with <paramref name="turn"/>.</summary>
    internal static long[] Spread(int reactions, long turn)
    {
        var counts = new long[Moods];
        Array.Fill(counts, reactions / Moods);
        counts[turn % Moods] += reactions % Moods;
        return counts;
    }
}
