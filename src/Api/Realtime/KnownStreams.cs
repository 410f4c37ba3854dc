using System.Collections.Concurrent;
using LiveStreamX.Common;
using LiveStreamX.Streams;

namespace LiveStreamX.Api.Realtime;

/// <summary>
/// The streams this node has seen exist, so that calls which would otherwise touch no stream grain (reactions,
/// watch heartbeats, joins) refuse an unknown id with <c>not_found</c> before creating anything under it. The
/// first call per stream asks its grain; later ones are a lookup. Streams are never deleted, so a yes stays true.
/// </summary>
public sealed class KnownStreams(IGrainFactory grains)
{
    // Bounded: beyond this many ids the set starts over, costing one grain call per stream again.
    private const int MaxRemembered = 100_000;
    private readonly ConcurrentDictionary<string, byte> _known = new(StringComparer.Ordinal);

    /// <summary>Completes when the stream exists; <c>not_found</c> otherwise.</summary>
    public ValueTask RequireAsync(string streamId) =>
        _known.ContainsKey(streamId) ? ValueTask.CompletedTask : AskAsync(streamId);

    private async ValueTask AskAsync(string streamId)
    {
        if (await grains.Get<IStreamGrain>(streamId).GetAsync() is null)
        {
            throw DomainException.NotFound($"There is no stream '{streamId}'.");
        }

        if (_known.Count >= MaxRemembered)
        {
            _known.Clear();
        }

        _known.TryAdd(streamId, 0);
    }
}
