using System.Text.Json;
using LiveStreamX.Common;
using LiveStreamX.Engagement;
using LiveStreamX.Api.Vod;
using LiveStreamX.Grains.Vod;
using LiveStreamX.Media;
using LiveStreamX.Segments;
using LiveStreamX.Streams;
using LiveStreamX.Vod;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace LiveStreamX.Api.Apis;

/// <summary>
/// An ended stream's VOD: what a player needs (the recording's short-lived URL, length, moments, the archived
/// timeline file) and the timeline itself, read by offset from the stream's start. Anyone may watch a VOD.
/// </summary>
public static class VodApi
{
    public static IEndpointRouteBuilder MapVodApi(this IEndpointRouteBuilder app)
    {
        var vod = app.MapGroup("/api/streams/{id}/vod").WithTags("Vod");
        vod.MapGet("/", GetAsync)
            .WithSummary("An ended stream's VOD: its recording (a read URL that expires), length, moments and archived timeline file. 409 `still_live` while it runs, `vod_not_ready` until its archive is written.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        vod.MapGet("/timeline", GetTimelineAsync)
            .WithSummary("The VOD's timeline from fromMs (ms from the stream's start; with the chat lines and poll, mood, challenge and overlay states before it as context), or on after a previous page's nextSeq; at most limit entries (1–2000, default 500) up to toMs.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    private static async Task<Ok<VodView>> GetAsync(
        string id, IGrainFactory grains, IMediaStore store, IOptions<VodOptions> options, IOptions<MediaOptions> media)
    {
        var (info, archive) = await ArchivedAsync(id, grains);
        var lifetime = TimeSpan.FromMinutes(options.Value.ReadUrlMinutes);
        var recording = await grains.GetGrain<IStreamMediaGrain>(id).GetRecordingAsync();
        var video = recording is not null && await VodRecordings.ReadUrlAsync(recording.Location, store, media.Value, lifetime) is { } url
            ? new VodVideo(VodVideoKind.Recording, url, recording.DurationMs > 0 ? recording.DurationMs : archive.DurationMs)
            : null;
        // No recording: the clips the stream played are its video, each at its offset (live parts have none).
        var clips = video is not null
            ? []
            : (await grains.GetGrain<IStreamSegmentsGrain>(id).GetPlayedAsync())
                .Where(p => p.PlayedMs > 0)
                .Select(p => new VodClip(
                    p.SegmentId,
                    p.Title,
                    Math.Max(0, (long)(p.StartedAt - archive.StartedAt).TotalMilliseconds),
                    p.PlayedMs,
                    VodRecordings.Href(store.ReadUrl(SegmentKeys.Rendition(p.SegmentId), lifetime))))
                .ToList();
        var timelineUrl = VodRecordings.Href(store.ReadUrl(archive.TimelineBlob, lifetime));
        return TypedResults.Ok(new VodView(
            info.Id,
            info.Title,
            info.CreatorId,
            info.CreatorHandle,
            info.Status,
            archive.StartedAt,
            archive.DurationMs,
            archive.ArchivedAt,
            archive.EntryCount,
            video,
            [.. archive.Moments.Select(m => new VodMomentView(m.MomentId, m.OffsetMs, m.Kind, m.Note, $"/m/{m.MomentId}"))],
            timelineUrl,
            DateTimeOffset.UtcNow.Add(lifetime),
            clips));
    }

    private static async Task<Ok<VodTimelinePage>> GetTimelineAsync(
        string id, long? fromMs, long? toMs, long? afterSeq, int? limit, IGrainFactory grains)
    {
        await ArchivedAsync(id, grains);
        var read = await grains.GetGrain<IStreamTimelineGrain>(id)
            .ReadAsync(new TimelineQuery(fromMs ?? 0, toMs, afterSeq, limit ?? TimelineQuery.DefaultLimit));
        return TypedResults.Ok(new VodTimelinePage(
            [.. read.Entries.Select(Entry)], [.. read.Context.Select(Entry)], read.NextSeq, read.DurationMs ?? 0));

        static VodTimelineEntry Entry(TimelineEntry e) => new(e.OffsetMs, TimelineJson.EventOf(e));
    }

    private static async Task<(StreamInfo Info, VodArchive Archive)> ArchivedAsync(string id, IGrainFactory grains)
    {
        var info = await grains.StreamOf(id).GetAsync() ?? throw DomainException.NotFound($"There is no stream '{id}'.");
        if (info.Status is StreamStatus.Scheduled or StreamStatus.Live)
        {
            throw new DomainException(ErrorCodes.StillLive, "The stream has not ended: watch it live.");
        }

        var archive = await grains.GetGrain<IStreamTimelineGrain>(id).GetArchiveAsync()
            ?? throw new DomainException(ErrorCodes.VodNotReady, "The stream's VOD is being archived; try again in a moment.");
        return (info, archive);
    }
}

/// <summary>What a VOD player needs. URLs are read-only and expire at <see cref="UrlsExpireAt"/>.</summary>
public sealed record VodView(
    string StreamId,
    string Title,
    string CreatorId,
    string CreatorHandle,
    StreamStatus Status,
    DateTimeOffset StartedAt,
    long DurationMs,
    DateTimeOffset ArchivedAt,
    int EntryCount,
    VodVideo? Video,
    IReadOnlyList<VodMomentView> Moments,
    string TimelineUrl,
    DateTimeOffset UrlsExpireAt,
    IReadOnlyList<VodClip> Clips);

/// <summary>
/// A pre-recorded clip the stream played, the VOD's video from <see cref="OffsetMs"/> for <see cref="DurationMs"/>
/// when the stream has no recording (a deleted segment's URL no longer reads).
/// </summary>
public sealed record VodClip(string SegmentId, string Title, long OffsetMs, long DurationMs, string Url);

/// <summary>Where a VOD's video comes from.</summary>
public enum VodVideoKind
{
    /// <summary>The stream's recording (LiveKit egress output).</summary>
    Recording = 0,
}

/// <summary>A VOD's video: offset 0 of the video is the stream's start.</summary>
public sealed record VodVideo(VodVideoKind Kind, string Url, long DurationMs);

/// <summary>A highlight moment of a VOD at its offset, with its share page.</summary>
public sealed record VodMomentView(string MomentId, long OffsetMs, MomentKind Kind, string? Note, string SharePath);

/// <summary>Timeline entries in offset order; <see cref="NextSeq"/> continues the read (null at the end).</summary>
public sealed record VodTimelinePage(IReadOnlyList<VodTimelineEntry> Entries, IReadOnlyList<VodTimelineEntry> Context, long? NextSeq, long DurationMs);

/// <summary>One event of the timeline, exactly as viewers received it live, at its offset from the stream's start.</summary>
public sealed record VodTimelineEntry(long OffsetMs, JsonElement Event);
