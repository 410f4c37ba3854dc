using LiveStreamX.Common;
using LiveStreamX.Streams;

namespace LiveStreamX.Api.Apis;

/// <summary>Finding the stream a route names, once for every API.</summary>
internal static class StreamLookup
{
    /// <summary>The stream grain of a well-formed id (no existence check: the grain answers not_found itself).</summary>
    public static IStreamGrain StreamOf(this IGrainFactory grains, string id) =>
        StreamNames.IsValidId(id) ? grains.Get<IStreamGrain>(id) : throw NotFound(id);

    /// <summary>The stream grain of an existing stream, or <c>not_found</c>.</summary>
    public static async Task<IStreamGrain> ExistingStreamAsync(this IGrainFactory grains, string id)
    {
        var stream = grains.StreamOf(id);
        return await stream.GetAsync() is not null ? stream : throw NotFound(id);
    }

    private static DomainException NotFound(string id) => DomainException.NotFound($"There is no stream '{id}'.");
}
