using LiveStreamX.Audit;
using LiveStreamX.Common;
using LiveStreamX.Grains.Tests.Persistence;
using LiveStreamX.Testing;
using LiveStreamX.Users;

namespace LiveStreamX.Grains.Tests.Users;

/// <summary>A role change and its audit entry stand or fall together.</summary>
public sealed class RoleChangeTests : FlakyClusterTests
{
    [Fact]
    public async Task ARoleChangeTheAuditLogCannotRecordDoesNotStand()
    {
        var handle = TestIds.Handle();
        var user = await Grains.GetGrain<IHandleGrain>(Handles.Normalize(handle)).ClaimAsync(handle, Role.Viewer).WithTimeout();
        var admin = new Actor(TestIds.User(), "root", Role.Admin);
        var log = Grains.GetGrain<IAuditLogGrain>(AuditScopes.Platform);

        Storage.FailNextWrites(log.GetGrainId(), 1);
        var error = await Assert.ThrowsAsync<DomainException>(() => Grains.GetGrain<IUserGrain>(user.Id).ChangeRoleAsync(admin, Role.Admin, "oops").WithTimeout());
        var after = await Grains.GetGrain<IUserGrain>(user.Id).GetProfileAsync().WithTimeout();
        var audited = await log.QueryAsync(new AuditQuery(TargetUserId: user.Id)).WithTimeout();

        Assert.Equal(ErrorCodes.Unavailable, error.Code);
        Assert.Equal(Role.Viewer, after!.Role);
        Assert.Empty(audited.Entries);
    }

    [Fact]
    public async Task OnlyAnAdminChangesARole()
    {
        var handle = TestIds.Handle();
        var user = await Grains.GetGrain<IHandleGrain>(Handles.Normalize(handle)).ClaimAsync(handle, Role.Viewer).WithTimeout();
        var creator = new Actor(TestIds.User(), "creator", Role.Creator);

        var error = await Assert.ThrowsAsync<DomainException>(() => Grains.GetGrain<IUserGrain>(user.Id).ChangeRoleAsync(creator, Role.Admin, null).WithTimeout());

        Assert.Equal(ErrorCodes.Forbidden, error.Code);
        Assert.Equal(Role.Viewer, (await Grains.GetGrain<IUserGrain>(user.Id).GetProfileAsync().WithTimeout())!.Role);
    }
}
