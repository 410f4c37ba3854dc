using LiveStreamX.Grains.Hosting;
using LiveStreamX.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace LiveStreamX.Grains.Identity;

/// <summary>One redemption per state token.</summary>
// In memory, kept active until the state token expires: past that the token itself is refused. A silo lost in
// between forgets the redemption, and the provider's one-time authorization code is then what refuses the replay.
public sealed class OAuthStateGrain([FromKeyedServices(GrainClock.Key)] TimeProvider time) : Grain, IOAuthStateGrain
{
    private bool _redeemed;

    public Task<bool> RedeemAsync(DateTimeOffset expiresAt)
    {
        if (_redeemed)
        {
            return Task.FromResult(false);
        }

        _redeemed = true;
        var left = expiresAt - time.GetUtcNow();
        if (left > TimeSpan.Zero)
        {
            DelayDeactivation(left);
        }

        return Task.FromResult(true);
    }
}
