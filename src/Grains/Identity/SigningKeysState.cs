using LiveStreamX.Identity;

namespace LiveStreamX.Grains.Identity;

/// <summary>The signing keys still accepted, oldest first.</summary>
[GenerateSerializer, Alias("lsx.SigningKeysState")]
public sealed record SigningKeysState
{
    [Id(0)]
    public IReadOnlyList<SigningKeyMaterial> Keys { get; init; } = [];
}
