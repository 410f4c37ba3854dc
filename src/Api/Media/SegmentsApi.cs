using LiveStreamX.Api.Apis;
using LiveStreamX.Api.Identity;
using LiveStreamX.Common;
using LiveStreamX.Media;
using LiveStreamX.Segments;
using LiveStreamX.Users;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace LiveStreamX.Api.Media;

/// <summary>
/// A creator's pre-recorded segments: chunked, resumable uploads staged as blocks of one blob, then processed by
/// <see cref="SegmentWorker"/>; and a live stream's queue of them.
/// </summary>
public static class SegmentsApi
{
    private const int MaxTitle = 120;

    // How long the owner's preview and thumbnail links last (the studio refreshes its list more often).
    private static readonly TimeSpan PreviewLifetime = TimeSpan.FromHours(1);

    public static IEndpointRouteBuilder MapSegmentsApi(this IEndpointRouteBuilder app)
    {
        var mine = app.MapGroup("/api/me/segments").WithTags("Segments").RequireAuthorization(Policies.Creator);
        mine.MapGet("/", ListAsync).WithSummary("My segments, newest first.");
        mine.MapPost("/", CreateAsync).WithSummary("Starts a chunked upload: send each chunk, then complete it.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        mine.MapGet("/{id}", GetAsync);
        mine.MapDelete("/{id}", DeleteAsync).WithSummary("Deletes a segment and its media.");
        mine.MapGet("/{id}/chunks", ChunksAsync).WithSummary("Which chunks arrived: what a resumed upload still has to send.");
        mine.MapPut("/{id}/chunks/{index:int}", PutChunkAsync)
            .WithSummary("One chunk, raw bytes: chunkSize long, the last one the rest. Chunk 0 comes first; its bytes tell the container.")
            .Accepts<byte[]>("application/octet-stream")
            .ProducesProblem(StatusCodes.Status409Conflict);
        mine.MapPost("/{id}/complete", CompleteAsync).WithSummary("Every chunk arrived: the segment goes to processing.")
            .ProducesProblem(StatusCodes.Status409Conflict);

        var queue = app.MapGroup("/api/streams/{id}/segments").WithTags("Segments");
        queue.MapGet("/", QueueAsync).WithSummary("The segment playing in a stream and those waiting.");
        queue.MapPost("/", EnqueueAsync).RequireAuthorization().WithSummary("Queues a ready segment, to play now or at a time.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        queue.MapDelete("/{entryId}", DequeueAsync).RequireAuthorization().WithSummary("Takes an entry off the queue; the one playing ends at once.");
        queue.MapPut("/order", ReorderAsync).RequireAuthorization().WithSummary("Puts the waiting entries in a new order.");
        return app;
    }

    private static async Task<Ok<IReadOnlyList<SegmentView>>> ListAsync(HttpContext http, IGrainFactory grains, IMediaStore media)
    {
        var owner = RequireActor(http);
        var ids = await grains.Get<ISegmentLibraryGrain>(owner.UserId).ListAsync();
        var segments = await Task.WhenAll(ids.Select(id => grains.Get<ISegmentGrain>(id).GetAsync()));
        IReadOnlyList<SegmentView> views = [.. segments.OfType<Segment>().Select(s => SegmentView.Of(s, media, PreviewLifetime))];
        return TypedResults.Ok(views);
    }

    private static async Task<Created<SegmentView>> CreateAsync(CreateSegmentRequest request, HttpContext http, IGrainFactory grains, IMediaStore media, IOptions<SegmentOptions> options)
    {
        var owner = RequireActor(http);
        var limits = options.Value;
        var errors = new Dictionary<string, string[]>();
        if (!InputText.TryClean(request.Title, MaxTitle, out var title))
        {
            errors["title"] = [$"A title is 1–{MaxTitle} characters with something visible."];
        }

        var chunkSize = request.ChunkSize ?? limits.ChunkBytes;
        if (chunkSize is < SegmentOptions.MinChunkBytes or > SegmentOptions.MaxChunkBytes)
        {
            errors["chunkSize"] = [$"A chunk is {SegmentOptions.MinChunkBytes} to {SegmentOptions.MaxChunkBytes} bytes."];
        }

        if (request.Size is not { } size || size < MediaSniffer.HeadBytes)
        {
            errors["size"] = [$"The file's size in bytes, at least {MediaSniffer.HeadBytes}."];
        }
        else if (errors.Count == 0 && (size + chunkSize - 1) / chunkSize > MediaKey.MaxBlocks)
        {
            errors["chunkSize"] = [$"At most {MediaKey.MaxBlocks} chunks: send larger ones."];
        }

        if (errors.Count > 0)
        {
            throw DomainException.InvalidInput(errors);
        }

        if (request.Size > limits.MaxUploadBytes)
        {
            throw new DomainException(ErrorCodes.TooLarge, $"A segment is {limits.MaxUploadBytes} bytes at most.") { Field = "size" };
        }

        var id = SegmentKeys.NewId();
        var library = grains.Get<ISegmentLibraryGrain>(owner.UserId);
        await library.AddAsync(id);
        var segment = await grains.Get<ISegmentGrain>(id).CreateAsync(new CreateSegment(owner.UserId, title, request.Size!.Value, chunkSize));
        return TypedResults.Created($"/api/me/segments/{id}", SegmentView.Of(segment, media, PreviewLifetime));
    }

    private static async Task<Ok<SegmentView>> GetAsync(string id, HttpContext http, IGrainFactory grains, IMediaStore media) =>
        TypedResults.Ok(SegmentView.Of(await OwnedAsync(id, RequireActor(http), grains), media, PreviewLifetime));

    private static async Task<NoContent> DeleteAsync(string id, HttpContext http, IGrainFactory grains, IMediaStore media)
    {
        var owner = RequireActor(http);
        await OwnedAsync(id, owner, grains);
        foreach (var key in SegmentKeys.All(id))
        {
            await media.DeleteAsync(key, http.RequestAborted);
        }

        await grains.Get<ISegmentGrain>(id).DeleteAsync(owner.UserId);
        await grains.Get<ISegmentLibraryGrain>(owner.UserId).RemoveAsync(id);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<UploadProgress>> ChunksAsync(string id, HttpContext http, IGrainFactory grains, IMediaStore media)
    {
        var segment = await OwnedAsync(id, RequireActor(http), grains);
        return TypedResults.Ok(await ProgressAsync(segment, media, http.RequestAborted));
    }

    private static async Task<Ok<UploadProgress>> PutChunkAsync(string id, int index, HttpContext http, IGrainFactory grains, IMediaStore media)
    {
        var owner = RequireActor(http);
        var segment = await OwnedAsync(id, owner, grains);
        if (segment.Status != SegmentStatus.Uploading)
        {
            throw new DomainException(ErrorCodes.Conflict, "This upload is complete already.");
        }

        if (index < 0 || index >= segment.ChunkCount)
        {
            throw DomainException.InvalidInput("index", $"A chunk index is 0 to {segment.ChunkCount - 1}.");
        }

        if (index > 0 && segment.Container == SegmentContainer.Unknown)
        {
            throw new DomainException(ErrorCodes.Conflict, "Send chunk 0 first: its bytes tell whether the file is a video taken here.");
        }

        var expected = segment.ChunkLength(index);
        if (http.Request.ContentLength is { } declared && declared != expected)
        {
            throw DomainException.InvalidInput("body", $"Chunk {index} is {expected} bytes, not {declared}.");
        }

        // Read whole before anything is stored: a short or long body stores nothing.
        var buffer = new byte[expected];
        var read = await http.Request.Body.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, http.RequestAborted);
        if (read != expected || await http.Request.Body.ReadAsync(new byte[1], http.RequestAborted) != 0)
        {
            throw DomainException.InvalidInput("body", $"Chunk {index} is {expected} bytes.");
        }

        if (index == 0)
        {
            var container = MediaSniffer.Sniff(buffer);
            if (container == SegmentContainer.Unknown)
            {
                throw new DomainException(ErrorCodes.UnsupportedMedia, "This file is not an MP4, MOV or WebM video (judged by its bytes, not its name).");
            }

            segment = await grains.Get<ISegmentGrain>(id).SetContainerAsync(owner.UserId, container);
        }

        using (var content = new MemoryStream(buffer, writable: false))
        {
            await media.StageBlockAsync(SegmentKeys.Source(id), index, content, http.RequestAborted);
        }

        return TypedResults.Ok(await ProgressAsync(segment, media, http.RequestAborted));
    }

    private static async Task<Accepted<SegmentView>> CompleteAsync(string id, HttpContext http, IGrainFactory grains, IMediaStore media, SegmentWorker worker)
    {
        var owner = RequireActor(http);
        var segment = await OwnedAsync(id, owner, grains);
        if (segment.Status == SegmentStatus.Uploading)
        {
            var progress = await ProgressAsync(segment, media, http.RequestAborted);
            if (progress.Missing.Count > 0)
            {
                throw new DomainException(ErrorCodes.UploadIncomplete,
                    $"{progress.Missing.Count} of {segment.ChunkCount} chunks have not arrived: send them, then complete again.")
                {
                    Errors = new Dictionary<string, string[]> { ["missing"] = [.. progress.Missing.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))] },
                };
            }

            await media.CommitBlocksAsync(SegmentKeys.Source(id), [.. Enumerable.Range(0, segment.ChunkCount)], "application/octet-stream", http.RequestAborted);
            segment = await grains.Get<ISegmentGrain>(id).CompleteUploadAsync(owner.UserId);
            worker.Nudge();
        }

        return TypedResults.Accepted($"/api/me/segments/{id}", SegmentView.Of(segment, media, PreviewLifetime));
    }

    private static async Task<Ok<SegmentQueue>> QueueAsync(string id, IGrainFactory grains)
    {
        await grains.ExistingStreamAsync(id);
        return TypedResults.Ok(await grains.Get<IStreamSegmentsGrain>(id).GetAsync());
    }

    private static async Task<Ok<SegmentQueue>> EnqueueAsync(string id, EnqueueSegmentRequest request, HttpContext http, IGrainFactory grains)
    {
        var actor = RequireActor(http);
        if (string.IsNullOrEmpty(request.SegmentId))
        {
            throw DomainException.InvalidInput("segmentId", "Name the segment to queue.");
        }

        await grains.ExistingStreamAsync(id);
        return TypedResults.Ok(await grains.Get<IStreamSegmentsGrain>(id).EnqueueAsync(actor, new QueueSegment(request.SegmentId, request.At)));
    }

    private static async Task<Ok<SegmentQueue>> DequeueAsync(string id, string entryId, HttpContext http, IGrainFactory grains)
    {
        var actor = RequireActor(http);
        await grains.ExistingStreamAsync(id);
        return TypedResults.Ok(await grains.Get<IStreamSegmentsGrain>(id).RemoveAsync(actor, entryId));
    }

    private static async Task<Ok<SegmentQueue>> ReorderAsync(string id, ReorderSegmentsRequest request, HttpContext http, IGrainFactory grains)
    {
        var actor = RequireActor(http);
        var order = request.EntryIds ?? throw DomainException.InvalidInput("entryIds", "Send the waiting entries' ids in the new order.");
        await grains.ExistingStreamAsync(id);
        return TypedResults.Ok(await grains.Get<IStreamSegmentsGrain>(id).ReorderAsync(actor, order));
    }

    private static Actor RequireActor(HttpContext http) => http.User.ToActor() ?? throw new DomainException(ErrorCodes.Unauthorized, "Sign in first.");

    // Someone else's segment is "not found", like one that never existed: ids are not to be probed.
    private static async Task<Segment> OwnedAsync(string id, Actor owner, IGrainFactory grains) =>
        SegmentKeys.IsValidId(id) && await grains.Get<ISegmentGrain>(id).GetAsync() is { } segment && segment.OwnerId == owner.UserId
            ? segment
            : throw DomainException.NotFound($"You have no segment '{id}'.");

    private static async Task<UploadProgress> ProgressAsync(Segment segment, IMediaStore media, CancellationToken cancellationToken)
    {
        if (segment.Status != SegmentStatus.Uploading)
        {
            return new UploadProgress(segment.ChunkSize, segment.ChunkCount, [.. Enumerable.Range(0, segment.ChunkCount)], []);
        }

        var received = await media.StagedBlocksAsync(SegmentKeys.Source(segment.Id), cancellationToken);
        var arrived = received.ToHashSet();
        return new UploadProgress(segment.ChunkSize, segment.ChunkCount, received, [.. Enumerable.Range(0, segment.ChunkCount).Where(i => !arrived.Contains(i))]);
    }
}

/// <summary>The body of <c>POST /api/me/segments</c>: the file's size in bytes, a title, and optionally the chunk size wanted.</summary>
public sealed record CreateSegmentRequest(string? Title, long? Size, int? ChunkSize);

/// <summary>The body of <c>POST /api/streams/{id}/segments</c>: a ready segment, and when to play it (null: when the queue reaches it).</summary>
public sealed record EnqueueSegmentRequest(string? SegmentId, DateTimeOffset? At);

/// <summary>The body of <c>PUT /api/streams/{id}/segments/order</c>.</summary>
public sealed record ReorderSegmentsRequest(IReadOnlyList<string>? EntryIds);

/// <summary>An upload's chunks: those that arrived and those still to send.</summary>
public sealed record UploadProgress(int ChunkSize, int ChunkCount, IReadOnlyList<int> Received, IReadOnlyList<int> Missing);

/// <summary>A segment as its owner sees it, with short-lived links to its thumbnail and clip once ready.</summary>
public sealed record SegmentView(
    string Id,
    string Title,
    SegmentStatus Status,
    SegmentContainer Container,
    long Size,
    int ChunkSize,
    int ChunkCount,
    int Progress,
    string? FailureReason,
    long? DurationMs,
    int? Width,
    int? Height,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ReadyAt,
    string? ThumbnailUrl,
    string? PreviewUrl)
{
    public static SegmentView Of(Segment s, IMediaStore media, TimeSpan lifetime)
    {
        var ready = s.Status == SegmentStatus.Ready;
        return new SegmentView(s.Id, s.Title, s.Status, s.Container, s.Size, s.ChunkSize, s.ChunkCount, s.Progress, s.FailureReason,
            s.DurationMs, s.Width, s.Height, s.CreatedAt, s.ReadyAt,
            ready ? media.ReadUrl(SegmentKeys.Thumbnail(s.Id), lifetime).ToString() : null,
            ready ? media.ReadUrl(SegmentKeys.Rendition(s.Id), lifetime).ToString() : null);
    }
}
