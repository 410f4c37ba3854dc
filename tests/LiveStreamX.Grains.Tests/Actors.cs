using LiveStreamX.Streams;
using LiveStreamX.Testing;
using LiveStreamX.Users;

namespace LiveStreamX.Grains.Tests;

/// <summary>Registered users and streams for grain tests, each with random keys.</summary>
internal static class Actors
{
    public static async Task<Actor> RegisterAsync(IGrainFactory grains, Role role)
    {
        var handle = TestIds.Handle(role.ToString()[..1].ToLowerInvariant());
        var profile = await grains.GetGrain<IHandleGrain>(Handles.Normalize(handle)).ClaimAsync(handle, role).WithTimeout();
        return profile.ToActor();
    }

    /// <summary>A fresh idempotency key.</summary>
    public static string Key() => "k_" + Guid.NewGuid().ToString("N");

    public static Actor Admin() => new("u_admin_" + Guid.NewGuid().ToString("N")[..8], "root", Role.Admin);

    public static async Task<(IStreamGrain Stream, Actor Creator)> StreamAsync(IGrainFactory grains, bool live = true)
    {
        var creator = await RegisterAsync(grains, Role.Creator);
        var stream = grains.GetGrain<IStreamGrain>(TestIds.Stream());
        await stream.CreateAsync(new CreateStream(creator, "A stream", "testing")).WithTimeout();
        if (live)
        {
            await stream.MoveToAsync(creator, StreamStatus.Live).WithTimeout();
        }

        return (stream, creator);
    }
}
