using LiveStreamX.Common;
using LiveStreamX.Testing;
using LiveStreamX.Users;

namespace LiveStreamX.Grains.Tests.Users;

[Collection(ClusterCollection.Name)]
public sealed class HandleTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Client;

    [Fact]
    public async Task ClaimingAHandleTwiceReturnsTheSameUser()
    {
        var handle = TestIds.Handle();
        var first = await Grains.GetGrain<IHandleGrain>(Handles.Normalize(handle)).ClaimAsync(handle, Role.Viewer).WithTimeout();
        var second = await Grains.GetGrain<IHandleGrain>(Handles.Normalize(handle)).ClaimAsync(handle, Role.Viewer).WithTimeout();
        Assert.Equal(first, second);
        Assert.Equal(first, await Grains.GetGrain<IUserGrain>(first.Id).GetProfileAsync());
    }

    [Fact]
    public async Task HandlesAreUniqueRegardlessOfCase()
    {
        var handle = "Case_" + Guid.NewGuid().ToString("N")[..8];
        var first = await Grains.GetGrain<IHandleGrain>(Handles.Normalize(handle)).ClaimAsync(handle, Role.Creator).WithTimeout();
        var upper = handle.ToUpperInvariant();
        var second = await Grains.GetGrain<IHandleGrain>(Handles.Normalize(upper)).ClaimAsync(upper, Role.Creator).WithTimeout();
        Assert.Equal(first.Id, second.Id);
        Assert.Equal(handle, second.Handle);
    }

    [Fact]
    public async Task AHandleTakenWithAnotherRoleIsAConflict()
    {
        var handle = TestIds.Handle();
        await Grains.GetGrain<IHandleGrain>(Handles.Normalize(handle)).ClaimAsync(handle, Role.Viewer).WithTimeout();
        var error = await Assert.ThrowsAsync<DomainException>(() =>
            Grains.GetGrain<IHandleGrain>(Handles.Normalize(handle)).ClaimAsync(handle, Role.Creator).WithTimeout());
        Assert.Equal(ErrorCodes.Conflict, error.Code);
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("way_too_long_for_a_handle_x")]
    [InlineData("bad handle")]
    [InlineData("émile")]
    public async Task AMalformedHandleIsRejected(string handle)
    {
        var error = await Assert.ThrowsAsync<DomainException>(() =>
            Grains.GetGrain<IHandleGrain>(Handles.Normalize(handle)).ClaimAsync(handle, Role.Viewer).WithTimeout());
        Assert.Equal(ErrorCodes.InvalidInput, error.Code);
    }

    [Fact]
    public async Task ConcurrentClaimsOfOneHandleMakeOneUser()
    {
        var handle = TestIds.Handle();
        var claims = Enumerable.Range(0, 10)
            .Select(_ => Grains.GetGrain<IHandleGrain>(Handles.Normalize(handle)).ClaimAsync(handle, Role.Viewer));
        var users = await Task.WhenAll(claims).WithTimeout();
        Assert.Single(users.Select(u => u.Id).Distinct());
    }
}
