using LiveStreamX.Testing;

namespace LiveStreamX.Api.Tests;

/// <summary>One real Api node (embedded silo, Kestrel on a free port) shared by a collection of tests.</summary>
public sealed class AppFixture : IDisposable
{
    // 5 messages a minute: a test of the limit never races the refill.
    public LiveStreamXApp App { get; } = new(new Dictionary<string, string?>
    {
        ["LSX:Chat:RateLimitMessages"] = "5",
        ["LSX:Chat:RateLimitPeriodSeconds"] = "60",
    });

    public void Dispose() => App.Dispose();
}

[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "app";
}
