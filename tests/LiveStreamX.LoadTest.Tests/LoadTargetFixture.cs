using LiveStreamX.Testing;

namespace LiveStreamX.LoadTest.Tests;

/// <summary>
/// One real Api node (embedded silo, Kestrel on a free port) for the load tool's smoke runs, with limits loose
/// enough that a tiny run never hits them, and a known gateway for engine mode.
/// </summary>
public sealed class LoadTargetFixture : IDisposable
{
    public LoadTargetFixture()
    {
        App = new LiveStreamXApp(new Dictionary<string, string?>
        {
            ["LSX:Orleans:ClusterId"] = ClusterId,
            ["LSX:Orleans:GatewayPort"] = GatewayPort.ToString(),
            ["LSX:Chat:RateLimitMessages"] = "1000",
            ["LSX:Chat:RateLimitPeriodSeconds"] = "1",
            ["LSX:Wallets:GiftsPerSecond"] = "1000",
            ["LSX:Reactions:PerUserPerSecond"] = "1000",
        });
    }

    public string ClusterId { get; } = TestIds.Cluster();

    public int GatewayPort { get; } = FreePort.Next();

    public LiveStreamXApp App { get; }

    public void Dispose() => App.Dispose();
}

[CollectionDefinition(Name)]
public sealed class LoadTargetCollection : ICollectionFixture<LoadTargetFixture>
{
    public const string Name = "load-target";
}
