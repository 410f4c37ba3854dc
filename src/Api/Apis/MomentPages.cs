using System.Globalization;
using System.Text.Encodings.Web;
using LiveStreamX.Api.Vod;
using LiveStreamX.Common;
using LiveStreamX.Engagement;
using LiveStreamX.Media;
using LiveStreamX.Streams;
using LiveStreamX.Vod;

namespace LiveStreamX.Api.Apis;

/// <summary>
/// A highlight moment's share page, rendered on the server so link previews (OpenGraph, Twitter cards) see its
/// title and description; it links back to the stream at that moment.
/// </summary>
public static class MomentPages
{
    public static IEndpointRouteBuilder MapMomentPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/m/{momentId}", RenderAsync).WithTags("Engagement").WithSummary("A highlight moment's share page (HTML).");
        app.MapGet("/m/{momentId}/frame.jpg", FrameAsync).WithTags("Vod")
            .WithSummary("The recording's frame at a moment of an archived stream (its share page's og:image): a redirect to a short-lived read URL.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<IResult> RenderAsync(string momentId, HttpContext http, IGrainFactory grains)
    {
        var streamId = Moment.StreamOf(momentId);
        var stream = streamId is not null && StreamNames.IsValidId(streamId) ? await grains.Get<IStreamGrain>(streamId).GetAsync() : null;
        var moment = stream is null ? null : (await grains.Get<IStreamGrain>(streamId!).GetMomentsAsync()).FirstOrDefault(m => m.MomentId == momentId);
        if (stream is null || moment is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "There is no such moment.");
        }

        var origin = $"{http.Request.Scheme}://{http.Request.Host}";
        var image = await VodMomentAsync(grains, streamId!, momentId) is not null
            && await grains.GetGrain<IStreamMediaGrain>(streamId!).GetRecordingAsync() is not null
                ? $"{origin}/m/{Uri.EscapeDataString(momentId)}/frame.jpg"
                : origin + "/favicon.svg";
        var page = $"{origin}{moment.SharePath}";
        var watch = $"{origin}/watch/{Uri.EscapeDataString(stream.Id)}?moment={Uri.EscapeDataString(moment.MomentId)}";
        var title = $"{stream.Title} — a highlight on LiveStreamX";
        var what = moment.Kind switch
        {
            MomentKind.Reactions => "The audience exploded with reactions",
            MomentKind.Gifts => "A wave of gifts hit the stream",
            _ => moment.Note ?? "A viewer marked this moment",
        };
        var description = $"{what} in {stream.CreatorHandle}'s stream ({moment.At.ToString("u", CultureInfo.InvariantCulture)}).";

        var h = HtmlEncoder.Default;
        var u = UrlEncoder.Default;
        var html = $$"""
            <!doctype html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>{{h.Encode(title)}}</title>
              <meta name="description" content="{{h.Encode(description)}}">
              <meta property="og:type" content="video.other">
              <meta property="og:site_name" content="LiveStreamX">
              <meta property="og:title" content="{{h.Encode(title)}}">
              <meta property="og:description" content="{{h.Encode(description)}}">
              <meta property="og:url" content="{{h.Encode(page)}}">
              <meta property="og:image" content="{{h.Encode(image)}}">
              <meta name="twitter:card" content="summary">
              <meta name="twitter:title" content="{{h.Encode(title)}}">
              <meta name="twitter:description" content="{{h.Encode(description)}}">
              <link rel="canonical" href="{{h.Encode(page)}}">
              <style>body{font-family:system-ui,sans-serif;background:#0d0f14;color:#e8eaf0;max-width:40rem;margin:4rem auto;padding:0 1rem}a{color:#7aa2ff}.share a{margin-right:1rem}</style>
            </head>
            <body>
              <h1>{{h.Encode(stream.Title)}}</h1>
              <p>{{h.Encode(description)}}</p>
              <p><a data-testid="moment-watch" href="{{h.Encode(watch)}}">Watch the stream at this moment</a></p>
              <p class="share">Share:
                <a data-testid="share-x" href="https://twitter.com/intent/tweet?url={{u.Encode(page)}}&amp;text={{u.Encode(title)}}">X</a>
                <a data-testid="share-facebook" href="https://www.facebook.com/sharer/sharer.php?u={{u.Encode(page)}}">Facebook</a>
                <a data-testid="share-reddit" href="https://www.reddit.com/submit?url={{u.Encode(page)}}&amp;title={{u.Encode(title)}}">Reddit</a>
              </p>
            </body>
            </html>
            """;
        return Results.Content(html, "text/html; charset=utf-8");
    }

    private static async Task<IResult> FrameAsync(string momentId, IGrainFactory grains, MomentFrames frames, IMediaStore store, CancellationToken cancellationToken)
    {
        var streamId = Moment.StreamOf(momentId);
        var moment = streamId is not null && StreamNames.IsValidId(streamId) ? await VodMomentAsync(grains, streamId, momentId) : null;
        var key = moment is null ? null : await frames.FrameKeyAsync(streamId!, moment, cancellationToken);
        return key is null
            ? Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "There is no frame of this moment: its stream has no readable recording.")
            : Results.Redirect(VodRecordings.Href(store.ReadUrl(key, TimeSpan.FromMinutes(10))));
    }

    /// <summary>The moment with its offset, once its stream's VOD is archived.</summary>
    private static async Task<VodMoment?> VodMomentAsync(IGrainFactory grains, string streamId, string momentId) =>
        (await grains.GetGrain<IStreamTimelineGrain>(streamId).GetArchiveAsync())?.Moments.FirstOrDefault(m => m.MomentId == momentId);
}
