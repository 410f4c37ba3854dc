using LiveStreamX.Grains.Hosting;
using LiveStreamX.Testing;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace LiveStreamX.Grains.Tests;

/// <summary>Reads and changes grain state in the cluster's storage, as an earlier version or a crash left it.</summary>
internal static class StoredStates
{
    public static async Task<T> ReadStoredAsync<T>(this ClusterFixture fixture, string name, GrainId grainId)
        where T : new()
    {
        var state = new GrainState<T>(new T());
        await Storage(fixture).ReadStateAsync(name, grainId, state).WithTimeout();
        return state.State ?? new T();
    }

    public static async Task ChangeStoredAsync<T>(this ClusterFixture fixture, string name, GrainId grainId, Func<T, T> change)
        where T : new()
    {
        var state = new GrainState<T>(new T());
        await Storage(fixture).ReadStateAsync(name, grainId, state).WithTimeout();
        state.State = change(state.State ?? new T());
        await Storage(fixture).WriteStateAsync(name, grainId, state).WithTimeout();
    }

    private static IGrainStorage Storage(ClusterFixture fixture) =>
        fixture.Cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<IGrainStorage>(StorageNames.Default);
}
