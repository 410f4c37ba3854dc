namespace LiveStreamX.LoadTest.Scenarios;

/// <summary>
/// M streams with viewers spread by a Zipf distribution; R actions/s in all, each by a random signed-in sender to
/// the stream it watches: 80% chat, 15% reactions, 5% gifts. Each second, churn replaces a share of the anonymous
/// viewers with new connections.
/// </summary>
internal sealed class Mixed(RunContext run) : IWebScenario
{
    private const int ChatPercent = 80;
    private const int ReactionPercent = 15;
    private readonly Random _random = new(run.Options.Seed);
    private readonly List<Viewer> _churnable = [];
    private Zipf _zipf = null!;
    private Sender[] _senders = [];
    private double _churnDue;

    public double Rate => run.Options.Rate;

    public IReadOnlyList<string> Notes => [];

    public IReadOnlyList<string> Streams { get; private set; } = [];

    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        Streams = await run.Audience.StartStreamsAsync(run.Options.StreamCount, cancellationToken);
        _zipf = new Zipf(Streams.Count, run.Options.Zipf);
        await run.Audience.ConnectAsync([.. Streams.Select(s => new Seat(s, null, Observer: true))], required: true, cancellationToken);

        var users = await run.Audience.SignInAsync(run.Options.SenderCount, "viewer", 'm', cancellationToken);
        var homes = users.Select(_ => PickStream()).ToArray();
        var chatting = await run.Audience.ConnectAsync([.. users.Select((u, i) => new Seat(homes[i], u.Token, Observer: false))], required: true, cancellationToken);
        _senders = [.. users.Select((u, i) => new Sender(i, u, chatting[i]!.Connection, homes[i]))];
        await run.Actions.RecordBalancesAsync(_senders, cancellationToken);

        var watching = Enumerable.Range(0, run.Options.Viewers - Streams.Count - users.Count).Select(_ => new Seat(PickStream(), null, Observer: false)).ToList();
        _churnable.AddRange((await run.Audience.ConnectAsync(watching, required: false, cancellationToken)).OfType<Viewer>());
    }

    public Task ActAsync(long n, long intendedMicros, CancellationToken cancellationToken)
    {
        var draw = Mix(run.Options.Seed, n);
        var sender = _senders[(int)((draw >> 8) % (ulong)_senders.Length)];
        return (int)(draw % 100) switch
        {
            < ChatPercent => run.Actions.ChatAsync(sender, n, intendedMicros, cancellationToken),
            < ChatPercent + ReactionPercent => run.Actions.ReactAsync(sender, n, intendedMicros, cancellationToken),
            _ => run.Actions.GiftAsync(sender, n, intendedMicros, cancellationToken),
        };
    }

    public async Task EverySecondAsync(CancellationToken cancellationToken)
    {
        _churnDue += run.Options.Viewers * run.Options.ChurnPercent / 100;
        var leaving = new List<(Viewer Viewer, string Stream)>();
        for (; _churnDue >= 1 && _churnable.Count > 0; _churnDue--)
        {
            var index = _random.Next(_churnable.Count);
            leaving.Add((_churnable[index], PickStream()));
            _churnable.RemoveAt(index);
        }

        var joined = await Task.WhenAll(leaving.Select(l => run.Audience.ReplaceAsync(l.Viewer, l.Stream, cancellationToken)));
        _churnable.AddRange(joined.OfType<Viewer>());
    }

    public async Task<RunChecks> CheckAsync(CancellationToken cancellationToken) =>
        new(await run.Actions.CheckGiftsAsync(Streams, _senders, cancellationToken),
            await run.Actions.CheckReactionsAsync(Streams, TimeSpan.FromSeconds(run.Options.DrainSeconds), cancellationToken));

    private string PickStream() => Streams[_zipf.Sample(_random.NextDouble())];

    /// <summary>SplitMix64 of (seed, n): the action's random draw, the same for the same n on every run.</summary>
    private static ulong Mix(int seed, long n)
    {
        var z = unchecked((ulong)n + ((ulong)seed * 0x9E3779B97F4A7C15UL) + 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }
}
