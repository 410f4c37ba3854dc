using LiveStreamX.Api.Identity;
using LiveStreamX.Common;
using LiveStreamX.Media;
using LiveStreamX.Streams;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace LiveStreamX.Api.Media;

/// <summary>Live video through LiveKit: the client's configuration, room tokens, and LiveKit's webhooks.</summary>
public static class MediaApi
{
    /// <summary>LiveKit's events are a few hundred bytes; a body this large is no webhook of theirs.</summary>
    public const int MaxWebhookBytes = 64 * 1024;

    public static IServiceCollection AddMedia(this IServiceCollection services)
    {
        services.AddOptions<LiveKitOptions>().BindConfiguration(LiveKitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<LiveKitTokens>();
        return services;
    }

    public static IEndpointRouteBuilder MapMediaApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/media/config", GetConfig).WithTags("Media")
            .WithSummary("Whether live video is on, and the LiveKit server browsers join.");
        app.MapPost("/api/streams/{id}/media-token", IssueTokenAsync).WithTags("Media")
            .WithSummary("A LiveKit token for the stream's room: the creator publishes (unless watch=true), everyone else subscribes (anonymous viewers too).")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        // Unlimited by the REST rate limiter: LiveKit posts every join and leave of a busy room from one address, and
        // a request without LiveKit's signature costs one HMAC before its 401.
        app.MapPost("/api/media/livekit/webhook", ReceiveWebhookAsync).WithTags("Media")
            .WithSummary("LiveKit's webhooks (application/webhook+json, signed): they take streams live, end and archive them.")
            .DisableRateLimiting()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    private static Ok<MediaConfig> GetConfig(IOptions<LiveKitOptions> options) =>
        TypedResults.Ok(new MediaConfig(options.Value.Enabled, options.Value.Enabled ? BrowserUrl(options.Value.Url!) : null));

    // watch=true: subscribe-only even for the creator, so that the creator's own watch page joins beside the tab
    // that publishes instead of taking its identity (LiveKit lets one identity in once).
    private static async Task<Ok<MediaToken>> IssueTokenAsync(string id, bool? watch, HttpContext http, IGrainFactory grains, IOptions<LiveKitOptions> options, LiveKitTokens tokens)
    {
        var actor = http.User.ToActor();
        var (stream, mayPublish) = await MediaAccess.DecideAsync(grains, id, actor);
        var publish = mayPublish && watch != true;
        var liveKit = options.Value;
        if (!liveKit.Enabled)
        {
            throw new DomainException(ErrorCodes.MediaNotConfigured, "This server has no LiveKit configured: streams carry chat, not live video.");
        }

        var identity = actor is null ? MediaIdentity.Anonymous()
            : publish ? MediaIdentity.Creator(actor.UserId)
            : MediaIdentity.Viewer(actor.UserId);
        var metadata = new Dictionary<string, string>
        {
            ["role"] = publish ? "creator" : actor is null ? "anonymous" : "viewer",
            ["userId"] = actor?.UserId ?? string.Empty,
        };
        var token = tokens.Issue(stream.Id, identity, actor?.Handle ?? "guest", publish, metadata);
        return TypedResults.Ok(new MediaToken(BrowserUrl(liveKit.Url!), token, stream.Id, identity));
    }

    private static async Task<Ok<WebhookReceipt>> ReceiveWebhookAsync(HttpContext http, IGrainFactory grains, IOptions<LiveKitOptions> options, LiveKitTokens tokens)
    {
        if (!options.Value.Enabled)
        {
            throw new DomainException(ErrorCodes.MediaNotConfigured, "This server has no LiveKit configured, so it has no secret to check webhooks with.");
        }

        var body = await ReadBodyAsync(http.Request);
        if (!await tokens.IsSignedWebhookAsync(http.Request.Headers.Authorization.ToString(), body))
        {
            throw new DomainException(ErrorCodes.Unauthorized, "The webhook is not signed with this server's LiveKit secret for this body.");
        }

        var e = LiveKitWebhookEvent.Parse(body);
        if (e.Kind == MediaEventKind.Other)
        {
            // Ingress, SIP and the like: LiveKit is told it arrived, and nothing is stored.
            return TypedResults.Ok(new WebhookReceipt(e.Id, MediaEventOutcome.Ignored));
        }

        if (!StreamNames.IsValidId(e.Room))
        {
            throw DomainException.NotFound($"No stream has the room '{e.Room}'.");
        }

        return TypedResults.Ok(new WebhookReceipt(e.Id, await grains.Get<IStreamMediaGrain>(e.Room).ApplyAsync(e)));
    }

    private static async Task<ReadOnlyMemory<byte>> ReadBodyAsync(HttpRequest request)
    {
        if (request.ContentLength > MaxWebhookBytes)
        {
            throw new BadHttpRequestException("The body is larger than a webhook.", StatusCodes.Status413PayloadTooLarge);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            if (buffer.Length + read > MaxWebhookBytes)
            {
                throw new BadHttpRequestException("The body is larger than a webhook.", StatusCodes.Status413PayloadTooLarge);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    // livekit-client takes ws(s):// URLs; an http(s):// setting is the same server.
    private static string BrowserUrl(string url) =>
        url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? "ws://" + url[7..]
        : url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? "wss://" + url[8..]
        : url;
}

/// <summary>Whether live video is on here, and the LiveKit server's address for browsers (null when off).</summary>
public sealed record MediaConfig(bool Enabled, string? Url);

/// <summary>What a browser joins a stream's LiveKit room with.</summary>
public sealed record MediaToken(string Url, string Token, string Room, string Identity);

/// <summary>A webhook event received: applied, a duplicate of one applied before, or ignored.</summary>
public sealed record WebhookReceipt(string Id, MediaEventOutcome Outcome);
