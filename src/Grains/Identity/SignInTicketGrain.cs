using LiveStreamX.Grains.Hosting;
using LiveStreamX.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace LiveStreamX.Grains.Identity;

/// <summary>A ticket kept in memory for its few minutes of life.</summary>
// In memory only: a ticket lost with its silo costs the user one more round trip to the provider, while a stored one
// would leave a record per sign-in behind.
public sealed class SignInTicketGrain([FromKeyedServices(GrainClock.Key)] TimeProvider time) : Grain, ISignInTicketGrain
{
    private SignInTicket? _ticket;
    private DateTimeOffset _expiresAt;

    public Task IssueAsync(SignInTicket ticket, TimeSpan lifetime)
    {
        _ticket = ticket;
        _expiresAt = time.GetUtcNow() + lifetime;
        DelayDeactivation(lifetime);
        return Task.CompletedTask;
    }

    public Task<SignInTicket?> PeekAsync() => Task.FromResult(time.GetUtcNow() < _expiresAt ? _ticket : null);

    public async Task<SignInTicket?> TakeAsync()
    {
        var ticket = await PeekAsync();
        _ticket = null;
        DeactivateOnIdle();
        return ticket;
    }
}
