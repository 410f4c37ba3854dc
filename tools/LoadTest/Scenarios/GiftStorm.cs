namespace LiveStreamX.LoadTest.Scenarios;

/// <summary>
/// S senders, each with its own wallet and connection, send R gifts/s in all to M streams (sender i to stream i mod M).
/// V viewers watch the streams; each stream's first viewer counts every transfer. Afterwards the streams' gift totals
/// and the senders' balances on the server must equal what the receipts said: nothing lost, nothing doubled.
/// </summary>
internal sealed class GiftStorm(RunContext run) : IWebScenario
{
    private Sender[] _senders = [];

    public double Rate => run.Options.Rate;

    public IReadOnlyList<string> Notes => [];

    public IReadOnlyList<string> Streams { get; private set; } = [];

    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        Streams = await run.Audience.StartStreamsAsync(run.Options.StreamCount, cancellationToken);
        var seats = Enumerable.Range(0, run.Options.Viewers).Select(i => new Seat(Streams[i % Streams.Count], null, Observer: i < Streams.Count));
        await run.Audience.ConnectAsync([.. seats], required: true, cancellationToken);
        var users = await run.Audience.SignInAsync(run.Options.SenderCount, "viewer", 'g', cancellationToken);
        var senders = new Sender[users.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, users.Count), new ParallelOptions { MaxDegreeOfParallelism = 64, CancellationToken = cancellationToken },
            async (i, ct) => senders[i] = new Sender(i, users[i], await run.Audience.ConnectSenderAsync(users[i], ct), Streams[i % Streams.Count]));
        _senders = senders;
        await run.Actions.RecordBalancesAsync(_senders, cancellationToken);
    }

    public Task ActAsync(long n, long intendedMicros, CancellationToken cancellationToken) =>
        run.Actions.GiftAsync(_senders[n % _senders.Length], n, intendedMicros, cancellationToken);

    public Task EverySecondAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task<RunChecks> CheckAsync(CancellationToken cancellationToken) =>
        new(await run.Actions.CheckGiftsAsync(Streams, _senders, cancellationToken), null);
}
