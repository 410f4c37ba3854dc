using System.Security.Cryptography;
using LiveStreamX.Identity;
using LiveStreamX.Testing;

namespace LiveStreamX.Grains.Tests.Identity;

[Collection(ClusterCollection.Name)]
public sealed class SessionFamiliesTests(ClusterFixture fixture)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(30);

    [Fact]
    public async Task ASignInPastTheLimitEndsTheLeastRecentlyUsedSession()
    {
        var sessions = fixture.Client.GetGrain<ISessionsGrain>(TestIds.User());
        var ids = new List<string>();
        for (var i = 0; i <= 20; i++)
        {
            var id = NewId();
            ids.Add(id);
            await sessions.StartAsync(new SessionStart(id, Hash(), "dev", null, Lifetime)).WithTimeout();
            fixture.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        var open = await sessions.ListAsync().WithTimeout();
        Assert.Equal(20, open.Count);
        Assert.DoesNotContain(open, s => s.Id == ids[0]);
        Assert.Equal(ids[^1], open[0].Id);
    }

    [Fact]
    public async Task ASpentTokenEndsItsFamilyWhoeverPresentsIt()
    {
        var sessions = fixture.Client.GetGrain<ISessionsGrain>(TestIds.User());
        var id = NewId();
        var (first, second, third) = (Hash(), Hash(), Hash());
        await sessions.StartAsync(new SessionStart(id, first, "dev", "test", Lifetime)).WithTimeout();

        Assert.Equal(RotateOutcome.Rotated, (await sessions.RotateAsync(new SessionRotate(id, first, second, Lifetime)).WithTimeout()).Outcome);
        Assert.Equal(RotateOutcome.Reused, (await sessions.RotateAsync(new SessionRotate(id, first, Hash(), Lifetime)).WithTimeout()).Outcome);
        Assert.Equal(RotateOutcome.Ended, (await sessions.RotateAsync(new SessionRotate(id, second, third, Lifetime)).WithTimeout()).Outcome);
        Assert.Empty(await sessions.ListAsync().WithTimeout());
    }

    [Fact]
    public async Task SignOutWithAStaleOrForgedTokenChangesNothing()
    {
        var sessions = fixture.Client.GetGrain<ISessionsGrain>(TestIds.User());
        var id = NewId();
        var (first, second) = (Hash(), Hash());
        await sessions.StartAsync(new SessionStart(id, first, "dev", null, Lifetime)).WithTimeout();
        await sessions.RotateAsync(new SessionRotate(id, first, second, Lifetime)).WithTimeout();

        Assert.False(await sessions.RevokeAsync(id, first).WithTimeout());
        Assert.False(await sessions.RevokeAsync(id, Hash()).WithTimeout());
        Assert.Single(await sessions.ListAsync().WithTimeout());
        Assert.True(await sessions.RevokeAsync(id, second).WithTimeout());
        Assert.Empty(await sessions.ListAsync().WithTimeout());
    }

    private static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    private static string Hash() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
