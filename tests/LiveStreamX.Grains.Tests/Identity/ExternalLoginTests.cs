using LiveStreamX.Common;
using LiveStreamX.Identity;
using LiveStreamX.Testing;
using LiveStreamX.Users;

namespace LiveStreamX.Grains.Tests.Identity;

/// <summary>Provider accounts, their users and handles, including the states a crash between two writes leaves.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ExternalLoginTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Client;

    [Fact]
    public async Task TwoSignUpsOfOneProviderAccountMakeOneUser()
    {
        var login = NewLogin("oidc");
        var account = Grains.GetGrain<IExternalLoginGrain>(login.Key);

        var both = await Task.WhenAll(
            account.SignUpAsync(TestIds.Handle("a"), Role.Viewer, login),
            account.SignUpAsync(TestIds.Handle("b"), Role.Viewer, login)).WithTimeout();

        Assert.Equal(both[0], both[1]);
        Assert.Equal(both[0], await account.FindUserAsync().WithTimeout());
    }

    [Fact]
    public async Task ASignUpCutShortAfterItsHandleClaimCompletesTheSameUser()
    {
        var login = NewLogin("oidc");
        var handle = TestIds.Handle("c");
        // The claim and the user exist, the provider account is not bound yet: a crash in between.
        var claimed = await Grains.GetGrain<IHandleGrain>(Handles.Normalize(handle)).ClaimNewAsync(handle, Role.Creator, login.Key).WithTimeout();

        var user = await Grains.GetGrain<IExternalLoginGrain>(login.Key).SignUpAsync(handle, Role.Creator, login).WithTimeout();

        Assert.Equal(claimed.Id, user.Id);
        Assert.Equal([login], await Grains.GetGrain<IUserLoginsGrain>(user.Id).GetAsync().WithTimeout());
    }

    [Fact]
    public async Task AHandleBelongsToOneWayOfSigningIn()
    {
        var devHandle = TestIds.Handle("d");
        await Grains.GetGrain<IHandleGrain>(Handles.Normalize(devHandle)).ClaimAsync(devHandle, Role.Viewer).WithTimeout();
        var newcomer = NewLogin("oidc");
        var taken = await Assert.ThrowsAsync<DomainException>(() =>
            Grains.GetGrain<IExternalLoginGrain>(newcomer.Key).SignUpAsync(devHandle, Role.Viewer, newcomer).WithTimeout());
        Assert.Equal(ErrorCodes.Conflict, taken.Code);

        var login = NewLogin("oidc");
        var providerHandle = TestIds.Handle("p");
        await Grains.GetGrain<IExternalLoginGrain>(login.Key).SignUpAsync(providerHandle, Role.Viewer, login).WithTimeout();
        var devLogin = await Assert.ThrowsAsync<DomainException>(() =>
            Grains.GetGrain<IHandleGrain>(Handles.Normalize(providerHandle)).ClaimAsync(providerHandle, Role.Viewer).WithTimeout());
        Assert.Equal(ErrorCodes.Conflict, devLogin.Code);

        var other = NewLogin("oidc");
        var stolen = await Assert.ThrowsAsync<DomainException>(() =>
            Grains.GetGrain<IExternalLoginGrain>(other.Key).SignUpAsync(providerHandle, Role.Viewer, other).WithTimeout());
        Assert.Equal(ErrorCodes.Conflict, stolen.Code);
        Assert.Null(await Grains.GetGrain<IExternalLoginGrain>(other.Key).FindUserAsync().WithTimeout());
    }

    [Fact]
    public async Task AnUnlinkCutShortAfterTheUsersListNeverSignsTheUnlinkedAccountIn()
    {
        var first = NewLogin("oidc");
        var user = await Grains.GetGrain<IExternalLoginGrain>(first.Key).SignUpAsync(TestIds.Handle("u"), Role.Viewer, first).WithTimeout();
        var second = NewLogin("oidc2");
        await Grains.GetGrain<IExternalLoginGrain>(second.Key).LinkAsync(user.Id, second).WithTimeout();

        // The user's list lost the login; the index was not cleared yet.
        await Grains.GetGrain<IUserLoginsGrain>(user.Id).RemoveAsync(first.Provider, first.Subject).WithTimeout();

        Assert.Null(await Grains.GetGrain<IExternalLoginGrain>(first.Key).FindUserAsync().WithTimeout());
        Assert.Equal(user, await Grains.GetGrain<IExternalLoginGrain>(second.Key).FindUserAsync().WithTimeout());
    }

    [Fact]
    public async Task ALoginOfAnotherGrainIsRefused()
    {
        var error = await Assert.ThrowsAsync<DomainException>(() =>
            Grains.GetGrain<IExternalLoginGrain>(NewLogin("oidc").Key).LinkAsync("u_someone", NewLogin("oidc")).WithTimeout());
        Assert.Equal(ErrorCodes.InvalidInput, error.Code);
    }

    private static ExternalLogin NewLogin(string provider) => new(provider, Guid.NewGuid().ToString("N"), null, DateTimeOffset.UtcNow);
}
