using LiveStreamX.Api.Errors;
using LiveStreamX.Api.Identity;
using LiveStreamX.Common;
using LiveStreamX.Streams;
using LiveStreamX.Users;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LiveStreamX.Api.Apis;

/// <summary>Creating, browsing and running streams.</summary>
public static class StreamsApi
{
    public static IEndpointRouteBuilder MapStreamsApi(this IEndpointRouteBuilder app)
    {
        var streams = app.MapGroup("/api/streams").WithTags("Streams");
        streams.MapGet("/", ListAsync).WithSummary("Streams, newest first, optionally of one status.");
        streams.MapGet("/{id}", GetAsync);
        streams.MapPost("/", CreateAsync).RequireAuthorization(Policies.Creator);
        streams.MapPost("/{id}/start", (string id, HttpContext http, IGrainFactory grains) => MoveAsync(id, StreamStatus.Live, http, grains)).RequireAuthorization();
        streams.MapPost("/{id}/end", (string id, HttpContext http, IGrainFactory grains) => MoveAsync(id, StreamStatus.Ended, http, grains)).RequireAuthorization();
        streams.MapPost("/{id}/archive", (string id, HttpContext http, IGrainFactory grains) => MoveAsync(id, StreamStatus.Archived, http, grains)).RequireAuthorization();
        streams.MapPut("/{id}/slow-mode", SetSlowModeAsync).RequireAuthorization();
        return app;
    }

    private static async Task<Results<Ok<IReadOnlyList<StreamInfo>>, ValidationProblem>> ListAsync(string? status, IGrainFactory grains)
    {
        StreamStatus? filter = null;
        if (!string.IsNullOrEmpty(status))
        {
            if (!WireEnum.TryParse<StreamStatus>(status, out var parsed))
            {
                return TypedResults.ValidationProblem(
                    new Dictionary<string, string[]> { ["status"] = [$"The status is one of {WireEnum.List<StreamStatus>()}."] },
                    type: ErrorStatus.TypeOf(ErrorCodes.InvalidInput));
            }

            filter = parsed;
        }

        return TypedResults.Ok(await grains.Get<IStreamDirectoryGrain>(0).ListAsync(filter));
    }

    private static async Task<Ok<StreamInfo>> GetAsync(string id, IGrainFactory grains)
    {
        return TypedResults.Ok(await grains.StreamOf(id).GetAsync() ?? throw DomainException.NotFound($"There is no stream '{id}'."));
    }

    private static async Task<Created<StreamInfo>> CreateAsync(CreateStreamRequest request, HttpContext http, IGrainFactory grains)
    {
        var creator = RequireActor(http);
        var id = StreamNames.NewStreamId();
        var stream = await grains.Get<IStreamGrain>(id)
            .CreateAsync(new CreateStream(creator, request.Title ?? string.Empty, request.Category ?? string.Empty) { Tags = StreamTags.Normalize(request.Tags) });
        return TypedResults.Created($"/api/streams/{id}", stream);
    }

    private static async Task<Ok<StreamInfo>> MoveAsync(string id, StreamStatus target, HttpContext http, IGrainFactory grains)
    {
        return TypedResults.Ok(await grains.StreamOf(id).MoveToAsync(RequireActor(http), target));
    }

    private static async Task<Ok<StreamInfo>> SetSlowModeAsync(string id, SlowModeRequest request, HttpContext http, IGrainFactory grains)
    {
        if (request.Seconds is not { } seconds)
        {
            throw DomainException.InvalidInput("seconds", "Send { seconds }: 0 turns slow mode off.");
        }

        return TypedResults.Ok(await grains.StreamOf(id).SetSlowModeAsync(RequireActor(http), seconds));
    }


    private static Actor RequireActor(HttpContext http) =>
        http.User.ToActor() ?? throw new DomainException(ErrorCodes.Unauthorized, "Sign in first.");
}

/// <summary>The body of <c>POST /api/streams</c>.</summary>
public sealed record CreateStreamRequest(string? Title, string? Category)
{
    /// <summary>Optional: up to 5 tags, each 1–24 letters, digits, '-' or '_' (lower-cased).</summary>
    public IReadOnlyList<string?>? Tags { get; init; }
}

/// <summary>The body of <c>PUT /api/streams/{id}/slow-mode</c>.</summary>
public sealed record SlowModeRequest(int? Seconds);
