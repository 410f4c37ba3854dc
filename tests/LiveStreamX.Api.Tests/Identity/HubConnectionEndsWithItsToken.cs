using LiveStreamX.Testing;
using Microsoft.IdentityModel.JsonWebTokens;

namespace LiveStreamX.Api.Tests.Identity;

[Collection(AppCollection.Name)]
public sealed class HubConnectionEndsWithItsToken(AppFixture fixture)
{
    private LiveStreamXApp App => fixture.App;

    [Fact]
    public async Task AConnectionWhoseTokenExpiresIsClosedSoTheClientComesBackWithAFreshOne()
    {
        var user = await App.SignInAsync();
        var shortLived = new JsonWebTokenHandler().CreateToken(RefreshCookies.Descriptor(App, user, "viewer", TimeSpan.FromSeconds(2)));
        await using var hub = App.Hub(user with { Token = shortLived });
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.Connection.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        await hub.Connection.StartAsync().WithTimeout();

        // The server checks on the client's next message; keep-alive pings come every 15 s.
        await closed.Task.WaitAsync(TimeSpan.FromSeconds(40));
        Assert.Equal(HubConnectionState.Disconnected, hub.Connection.State);
    }
}
