using LiveStreamX.Common;
using LiveStreamX.Identity;
using LiveStreamX.Testing;

namespace LiveStreamX.Grains.Tests.Identity;

[Collection(ClusterCollection.Name)]
public sealed class SigningKeyRingTests(ClusterFixture fixture)
{
    private static readonly KeyRotationPolicy Policy = new(TimeSpan.FromHours(1), TimeSpan.FromMinutes(15), TimeSpan.FromSeconds(60));

    [Fact]
    public async Task TheRingIsGeneratedOnceAndEveryCallerGetsTheSameKey()
    {
        var ring = fixture.Client.GetGrain<ISigningKeysGrain>(TestIds.User());

        var first = await ring.GetAsync(Policy).WithTimeout();
        var second = await ring.GetAsync(Policy).WithTimeout();

        var key = Assert.Single(first.Keys);
        Assert.Equal(key.Kid, first.CurrentKid);
        Assert.Equal(64, key.Secret.Length);
        Assert.Equal(first.CurrentKid, second.CurrentKid);
        Assert.Equal(key.Secret, Assert.Single(second.Keys).Secret);
    }

    [Fact]
    public async Task AKeyRotatesOnItsSchedulePublishedAheadAndTheOldOneIsDroppedAfterTheOverlap()
    {
        var ring = fixture.Client.GetGrain<ISigningKeysGrain>(TestIds.User());
        var old = (await ring.GetAsync(Policy).WithTimeout()).CurrentKid;

        // One lead before the hour: the successor is published, the old key still signs.
        fixture.Clock.Advance(Policy.RotateAfter - Policy.Lead);
        var published = await ring.GetAsync(Policy).WithTimeout();
        Assert.Equal(2, published.Keys.Count);
        Assert.Equal(old, published.CurrentKid);

        fixture.Clock.Advance(Policy.Lead);
        var rotated = await ring.GetAsync(Policy).WithTimeout();
        Assert.NotEqual(old, rotated.CurrentKid);
        Assert.Contains(rotated.Keys, k => k.Kid == old);

        fixture.Clock.Advance(Policy.Overlap);
        var after = await ring.GetAsync(Policy).WithTimeout();
        Assert.Equal(rotated.CurrentKid, Assert.Single(after.Keys).Kid);
    }

    [Fact]
    public async Task APolicyWhoseLeadIsNotShorterThanTheRotationIsInvalidInput()
    {
        var ring = fixture.Client.GetGrain<ISigningKeysGrain>(TestIds.User());
        var error = await Assert.ThrowsAsync<DomainException>(
            () => ring.GetAsync(new KeyRotationPolicy(TimeSpan.FromMinutes(1), TimeSpan.Zero, TimeSpan.FromMinutes(1))).WithTimeout());
        Assert.Equal(ErrorCodes.InvalidInput, error.Code);
    }
}
