using LiveStreamX.Users;

namespace LiveStreamX.Moderation;

/// <summary>The platform's blocked terms, applied in every stream beside the creator's own. Key: 0.</summary>
[Alias("lsx.IPlatformModerationGrain")]
public interface IPlatformModerationGrain : IGrainWithIntegerKey
{
    /// <summary>The list and its version (which grows with every change). A pure read.</summary>
    [Alias("GetTerms"), Orleans.Concurrency.AlwaysInterleave]
    Task<PlatformTerms> GetTermsAsync();

    /// <summary>Replaces the list (admins only).</summary>
    [Alias("SetTerms")]
    Task<PlatformTerms> SetTermsAsync(Actor actor, IReadOnlyList<BlockedTerm> terms);
}

/// <summary>The platform's blocked terms.</summary>
[GenerateSerializer, Immutable, Alias("lsx.PlatformTerms")]
public sealed record PlatformTerms([property: Id(0)] IReadOnlyList<BlockedTerm> Terms, [property: Id(1)] long Version);
