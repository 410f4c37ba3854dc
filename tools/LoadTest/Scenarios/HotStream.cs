namespace LiveStreamX.LoadTest.Scenarios;

/// <summary>
/// One stream, V viewers, chat at R messages/s. The senders are the first viewers (signed in); the rest watch
/// anonymously. Every message reaches every viewer: R × V deliveries a second.
/// </summary>
internal sealed class HotStream(RunContext run) : IWebScenario
{
    private Sender[] _senders = [];

    public double Rate => run.Options.Rate;

    public IReadOnlyList<string> Notes => [];

    public IReadOnlyList<string> Streams { get; private set; } = [];

    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        Streams = await run.Audience.StartStreamsAsync(1, cancellationToken);
        var stream = Streams[0];
        var users = await run.Audience.SignInAsync(run.Options.SenderCount, "viewer", 'v', cancellationToken);
        var chatting = await run.Audience.ConnectAsync([.. users.Select(u => new Seat(stream, u.Token, Observer: false))], required: true, cancellationToken);
        _senders = [.. users.Select((u, i) => new Sender(i, u, chatting[i]!.Connection, stream))];
        var watching = Enumerable.Range(0, Math.Max(0, run.Options.Viewers - users.Count)).Select(_ => new Seat(stream, null, Observer: false));
        await run.Audience.ConnectAsync([.. watching], required: false, cancellationToken);
    }

    public Task ActAsync(long n, long intendedMicros, CancellationToken cancellationToken) =>
        run.Actions.ChatAsync(_senders[n % _senders.Length], n, intendedMicros, cancellationToken);

    public Task EverySecondAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<RunChecks> CheckAsync(CancellationToken cancellationToken) => Task.FromResult(RunChecks.None);
}
