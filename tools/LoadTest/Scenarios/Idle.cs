namespace LiveStreamX.LoadTest.Scenarios;

/// <summary>
/// Connection density: V anonymous connections join M streams and stay idle for warm-up + duration. The report
/// gives the connections still held at the end and the server's resident memory per connection.
/// </summary>
internal sealed class Idle(RunContext run) : IWebScenario
{
    public double Rate => 0;

    public IReadOnlyList<string> Notes => [];

    public IReadOnlyList<string> Streams { get; private set; } = [];

    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        Streams = await run.Audience.StartStreamsAsync(run.Options.StreamCount, cancellationToken);
        var seats = Enumerable.Range(0, run.Options.Viewers).Select(i => new Seat(Streams[i % Streams.Count], null, Observer: false));
        await run.Audience.ConnectAsync([.. seats], required: false, cancellationToken);
    }

    public Task ActAsync(long n, long intendedMicros, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task EverySecondAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<RunChecks> CheckAsync(CancellationToken cancellationToken) => Task.FromResult(RunChecks.None);
}
