using LiveStreamX.Common;
using LiveStreamX.Segments;
using LiveStreamX.Testing;

namespace LiveStreamX.Grains.Tests.Segments;

/// <summary>Workers on several Api nodes poll the same queue; the segment grain's lease lets one process a clip at a time.</summary>
[Collection(ClusterCollection.Name)]
public sealed class SegmentProcessingIsClaimedOnce(ClusterFixture fixture)
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(60);

    private IGrainFactory Grains => fixture.Client;

    [Fact]
    public async Task ASecondWorkerWaitsForTheFirstsLeaseToLapseThenTakesOver()
    {
        var (segment, owner) = await UploadedAsync();

        var first = await segment.ClaimAsync("node-a", Lease).WithTimeout();
        var second = await segment.ClaimAsync("node-b", Lease).WithTimeout();
        Assert.NotNull(first);
        Assert.Null(second);
        Assert.True(await segment.ReportProgressAsync("node-a", 40, Lease).WithTimeout());

        fixture.Clock.Advance(Lease + TimeSpan.FromSeconds(1));
        Assert.NotNull(await segment.ClaimAsync("node-b", Lease).WithTimeout());

        Assert.False(await segment.ReportProgressAsync("node-a", 80, Lease).WithTimeout());
        var late = await Assert.ThrowsAsync<DomainException>(() => segment.MarkReadyAsync("node-a", new ProcessedSegment(1000, 320, 240)).WithTimeout());
        Assert.Equal(ErrorCodes.Conflict, late.Code);
        var ready = await segment.MarkReadyAsync("node-b", new ProcessedSegment(1000, 320, 240)).WithTimeout();
        Assert.Equal(SegmentStatus.Ready, ready.Status);
        Assert.Equal(owner, ready.OwnerId);
        Assert.DoesNotContain(ready.Id, await Grains.Get<ISegmentWorkGrain>(ISegmentWorkGrain.Key).PendingAsync().WithTimeout());
    }

    [Fact]
    public async Task ASegmentWhoseWorkersKeepDyingFailsWithAReason()
    {
        var (segment, _) = await UploadedAsync();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            Assert.NotNull(await segment.ClaimAsync($"node-{attempt}", Lease).WithTimeout());
            fixture.Clock.Advance(Lease + TimeSpan.FromSeconds(1));
        }

        Assert.Null(await segment.ClaimAsync("node-last", Lease).WithTimeout());
        var failed = await segment.GetAsync().WithTimeout();
        Assert.Equal(SegmentStatus.Failed, failed!.Status);
        Assert.Contains("stopped every time", failed.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnlyAProcessingSegmentIsClaimed()
    {
        var owner = "u_" + Guid.NewGuid().ToString("N")[..8];
        var segment = Grains.Get<ISegmentGrain>(SegmentKeys.NewId());
        await segment.CreateAsync(new CreateSegment(owner, "Clip", 1000, 65536)).WithTimeout();

        Assert.Null(await segment.ClaimAsync("node-a", Lease).WithTimeout());
        var notOwner = await Assert.ThrowsAsync<DomainException>(() => segment.CompleteUploadAsync("u_someone_else").WithTimeout());
        Assert.Equal(ErrorCodes.NotFound, notOwner.Code);
    }

    private async Task<(ISegmentGrain Segment, string Owner)> UploadedAsync()
    {
        var owner = "u_" + Guid.NewGuid().ToString("N")[..8];
        var segment = Grains.Get<ISegmentGrain>(SegmentKeys.NewId());
        await segment.CreateAsync(new CreateSegment(owner, "Clip", 1000, 65536)).WithTimeout();
        await segment.SetContainerAsync(owner, SegmentContainer.Mp4).WithTimeout();
        await segment.CompleteUploadAsync(owner).WithTimeout();
        return (segment, owner);
    }
}
