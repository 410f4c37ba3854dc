using System.Security.Claims;
using LiveStreamX.Api.Identity;
using LiveStreamX.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace LiveStreamX.Api.Tests.Identity;

[Collection(AppCollection.Name)]
public sealed class HubConnectionEndsWithItsToken(AppFixture fixture)
{
    private LiveStreamXApp App => fixture.App;

    [Fact]
    public async Task AConnectionWhoseTokenExpiresIsClosedSoTheClientComesBackWithAFreshOne()
    {
        var user = await App.SignInAsync();
        var now = DateTime.UtcNow;
        var shortLived = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "livestreamx",
            Audience = "livestreamx",
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddSeconds(2),
            Subject = new ClaimsIdentity([new Claim("sub", user.Id), new Claim("name", user.Handle), new Claim("role", "viewer")]),
            SigningCredentials = App.Services.GetRequiredService<SigningKeyRing>().Signing,
        });
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
