using LiveStreamX.Grains.Hosting;
using LiveStreamX.Wallets;

namespace LiveStreamX.Grains.Wallets;

/// <summary>One shard of the list of users with a ledger, so an audit can find every wallet.</summary>
public sealed class WalletRegistryGrain(
    [PersistentState("wallet-registry", StorageNames.Default)] IPersistentState<WalletRegistryState> registry)
    : Grain, IWalletRegistryGrain
{
    public async Task RegisterAsync(string userId)
    {
        if (registry.State.Users.Add(userId))
        {
            await registry.WriteStateAsync();
        }
    }

    public Task<IReadOnlyList<string>> ListAsync() => Task.FromResult<IReadOnlyList<string>>([.. registry.State.Users]);
}

/// <summary>The user ids of one registry shard.</summary>
[GenerateSerializer, Alias("lsx.WalletRegistryState")]
public sealed record WalletRegistryState
{
    [Id(0)] public HashSet<string> Users { get; init; } = [];
}
