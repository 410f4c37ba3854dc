namespace LiveStreamX.LoadTest.Scenarios;

/// <summary>
/// S signed-in senders, watching M streams (sender i in stream i mod M), react at R/s in all; V viewers watch and
/// receive <c>mood:state</c>. Afterwards each stream's exact reaction total must equal the acknowledged reactions.
/// </summary>
internal sealed class ReactionFlood(RunContext run) : IWebScenario
{
    private Sender[] _senders = [];

    public double Rate => run.Options.Rate;

    public IReadOnlyList<string> Notes =>
    [
        "reaction latency is the acknowledgement's: reactions are added up, no event carries one back",
        .. run.Options.Taps > 1 ? [$"each mood:react carries {run.Options.Taps} reactions (taps added up, as the web client does): reactions/s = accepted/s × {run.Options.Taps}"] : Array.Empty<string>(),
    ];

    public IReadOnlyList<string> Streams { get; private set; } = [];

    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        Streams = await run.Audience.StartStreamsAsync(run.Options.StreamCount, cancellationToken);
        var users = await run.Audience.SignInAsync(run.Options.SenderCount, "viewer", 'r', cancellationToken);
        var reacting = await run.Audience.ConnectAsync([.. users.Select((u, i) => new Seat(Streams[i % Streams.Count], u.Token, Observer: false))], required: true, cancellationToken);
        _senders = [.. users.Select((u, i) => new Sender(i, u, reacting[i]!.Connection, Streams[i % Streams.Count]))];
        var watching = Enumerable.Range(0, Math.Max(0, run.Options.Viewers - users.Count)).Select(i => new Seat(Streams[i % Streams.Count], null, Observer: false));
        await run.Audience.ConnectAsync([.. watching], required: false, cancellationToken);
    }

    public Task ActAsync(long n, long intendedMicros, CancellationToken cancellationToken) =>
        run.Actions.ReactAsync(_senders[n % _senders.Length], n, intendedMicros, cancellationToken);

    public Task EverySecondAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task<RunChecks> CheckAsync(CancellationToken cancellationToken) =>
        new(null, await run.Actions.CheckReactionsAsync(Streams, TimeSpan.FromSeconds(run.Options.DrainSeconds), cancellationToken));
}
