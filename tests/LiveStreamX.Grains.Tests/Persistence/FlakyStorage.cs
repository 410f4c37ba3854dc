using System.Collections.Concurrent;
using LiveStreamX.Grains.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Orleans.TestingHost;

namespace LiveStreamX.Grains.Tests.Persistence;

/// <summary>
/// Grain storage that fails the next writes of chosen grains, or holds a grain's writes of one state until the test
/// lets them through (or fails them), then passes to in-memory storage.
/// </summary>
internal sealed class FlakyStorage(IGrainStorage inner) : IGrainStorage
{
    public const string Inner = "flaky-inner";

    private readonly ConcurrentDictionary<GrainId, int> _failures = new();
    private readonly ConcurrentDictionary<GrainId, int> _writes = new();
    private readonly ConcurrentDictionary<(GrainId, string), int> _stateWrites = new();
    private readonly ConcurrentDictionary<(GrainId, string), Gate> _gates = new();

    /// <summary>A one-silo cluster whose default storage is a <see cref="FlakyStorage"/>.</summary>
    public static async Task<InProcessTestCluster> StartClusterAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureHost(host => host.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>()));
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddLiveStreamXGrains(new OrleansHostingOptions());
            silo.AddMemoryGrainStorage(Inner);
            silo.Services.AddSingleton(sp => new FlakyStorage(sp.GetRequiredKeyedService<IGrainStorage>(Inner)));
            silo.Services.AddKeyedSingleton<IGrainStorage>(StorageNames.Default, (sp, _) => sp.GetRequiredService<FlakyStorage>());
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    /// <summary>Writes of the grain's state that reached the storage.</summary>
    public int Writes(GrainId grain) => _writes.GetValueOrDefault(grain);

    /// <summary>Writes of one of the grain's states that reached the storage.</summary>
    public int Writes(GrainId grain, string stateName) => _stateWrites.GetValueOrDefault((grain, stateName));

    public void FailNextWrites(GrainId grain, int count) => _failures[grain] = count;

    public int FailuresLeft(GrainId grain) => _failures.GetValueOrDefault(grain);

    /// <summary>Holds the grain's next writes of the state until the gate opens or fails.</summary>
    public Gate Hold(GrainId grain, string stateName) => _gates[(grain, stateName)] = new Gate(() => _gates.TryRemove((grain, stateName), out _));

    public async Task<T> ReadAsync<T>(string stateName, GrainId grain) where T : new()
    {
        var state = new GrainState<T>(new T());
        await inner.ReadStateAsync(stateName, grain, state);
        return state.State ?? new T();
    }

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ReadStateAsync(stateName, grainId, grainState);

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (_gates.TryGetValue((grainId, stateName), out var gate))
        {
            await gate.WaitAsync();
        }

        var left = _failures.AddOrUpdate(grainId, -1, (_, n) => n - 1);
        if (left >= 0)
        {
            throw new IOException($"Storage unavailable (test): {left} more failures for {grainId}.");
        }

        _failures[grainId] = 0;
        await inner.WriteStateAsync(stateName, grainId, grainState);
        _writes.AddOrUpdate(grainId, 1, (_, n) => n + 1);
        _stateWrites.AddOrUpdate((grainId, stateName), 1, (_, n) => n + 1);
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ClearStateAsync(stateName, grainId, grainState);

    /// <summary>Writes held until <see cref="Open"/> (they go through) or <see cref="Fail"/> (they throw).</summary>
    public sealed class Gate(Action remove)
    {
        private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _waiting;

        /// <summary>How many writes wait at the gate.</summary>
        public int Waiting => Volatile.Read(ref _waiting);

        public void Open()
        {
            remove();
            _open.TrySetResult();
        }

        public void Fail()
        {
            remove();
            _open.TrySetException(new IOException("Storage unavailable (test): the held write fails."));
        }

        internal async Task WaitAsync()
        {
            Interlocked.Increment(ref _waiting);
            await _open.Task;
        }
    }
}

/// <summary>Tests on a one-silo cluster of their own whose storage is a <see cref="FlakyStorage"/>.</summary>
public abstract class FlakyClusterTests : IAsyncLifetime
{
    private InProcessTestCluster _cluster = null!;

    protected IGrainFactory Grains => _cluster.Client;

    internal FlakyStorage Storage => _cluster.Silos[0].ServiceProvider.GetRequiredService<FlakyStorage>();

    /// <summary>Settings of the cluster beyond the defaults.</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    public async Task InitializeAsync() => _cluster = await FlakyStorage.StartClusterAsync(Settings);

    public async Task DisposeAsync() => await _cluster.DisposeAsync();
}
