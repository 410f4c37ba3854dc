using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace LiveStreamX.Gifts;

/// <summary>
/// The provably fair spin: the seed's hash is published before the round, the outcome derives from the seed and
/// the gift event's id, and the seed is revealed after. Browsers recompute both (docs/PROTOCOL.md).
/// </summary>
public static class SpinWheel
{
    /// <summary>A fresh seed: 32 random bytes as 64 lower-case hex characters.</summary>
    public static string NewSeed() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    /// <summary>hex(SHA-256(seed as ASCII)).</summary>
    public static string HashOf(string seed) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(seed)));

    /// <summary>uint64_be(SHA-256(seed + ":" + giftEventId)[0..8]) mod segments.</summary>
    public static int Outcome(string seed, string giftEventId, int segments)
    {
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(seed + ":" + giftEventId));
        return (int)(BinaryPrimitives.ReadUInt64BigEndian(digest) % (ulong)segments);
    }
}
