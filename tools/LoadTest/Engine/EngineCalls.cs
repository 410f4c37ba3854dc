using LiveStreamX.Common;
using LiveStreamX.LoadTest.Cli;
using LiveStreamX.LoadTest.Scenarios;
using LiveStreamX.Users;

namespace LiveStreamX.LoadTest.Engine;

/// <summary>Grain calls per second: reads of user profiles spread over <see cref="LoadOptions.Grains"/> user grains.</summary>
internal sealed class EngineCalls(LoadOptions options, IGrainFactory grains, string runId) : IEngineScenario
{
    private IUserGrain[] _users = [];

    public string Unit => "grain calls";

    public int Streams => 0;

    public int Senders => 0;

    public int UnitsPerCall => 1;

    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        _users = new IUserGrain[options.Grains];
        await Parallel.ForEachAsync(Enumerable.Range(0, _users.Length), EngineSetup.Limited(cancellationToken), async (i, _) =>
        {
            var handle = EngineSetup.Handle(runId, 'k', i);
            var user = await grains.Get<IHandleGrain>(handle).ClaimAsync(handle, Role.Viewer);
            _users[i] = grains.Get<IUserGrain>(user.Id);
        });
    }

    public Task CallAsync(int worker, long k) => _users[(worker + (k * options.Concurrency)) % _users.Length].GetProfileAsync();

    public Task<RunChecks> CheckAsync() => Task.FromResult(RunChecks.None);
}
