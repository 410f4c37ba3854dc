namespace LiveStreamX.Common;

/// <summary>
/// Grain references made without Orleans' per-call interface lookup. <see cref="IGrainFactory.GetGrain{TGrainInterface}(string, string)"/>
/// resolves the interface's type name on every call (its attributes by reflection, then the type-name formatter),
/// which profiles at about a tenth of a silo's CPU on the gift path; here that is done once per interface and the
/// reference is built from the cached grain type and interface type, which is what <c>GetGrain</c> ends with.
/// </summary>
public static class GrainReferences
{
    /// <summary>The grain of <typeparamref name="TGrain"/> with this string key; the same reference <c>GetGrain</c> returns.</summary>
    public static TGrain Get<TGrain>(this IGrainFactory grains, string key)
        where TGrain : IGrainWithStringKey
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        var types = Types<TGrain>.Resolved ??= Resolve(grains.GetGrain<TGrain>(key));
        return (TGrain)grains.GetGrain(GrainId.Create(types.Grain, IdSpan.Create(key)), types.Interface);
    }

    /// <summary>The grain of <typeparamref name="TGrain"/> with this integer key; the same reference <c>GetGrain</c> returns.</summary>
    public static TGrain Get<TGrain>(this IGrainFactory grains, long key)
        where TGrain : IGrainWithIntegerKey
    {
        var types = Types<TGrain>.Resolved ??= Resolve(grains.GetGrain<TGrain>(key));
        return (TGrain)grains.GetGrain(GrainId.Create(types.Grain, GrainIdKeyExtensions.CreateIntegerKey(key)), types.Interface);
    }

    private static ResolvedTypes Resolve(IAddressable first)
    {
        var reference = (GrainReference)first;
        return new ResolvedTypes(reference.GrainId.Type, reference.InterfaceType);
    }

    // The types follow from the interface and the grain classes loaded, which are the same for every silo and
    // client in a process, so one resolution per interface serves them all.
    private static class Types<TGrain>
    {
        public static ResolvedTypes? Resolved;
    }

    private sealed record ResolvedTypes(GrainType Grain, GrainInterfaceType Interface);
}
