using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using LiveStreamX.Api.Tests.Hardening;
using LiveStreamX.Testing;

namespace LiveStreamX.Api.Tests.Media;

/// <summary>
/// Webhooks signed by LiveKit's own SDK, posted to two Api nodes of one cluster (Redis clustering and storage): the
/// signature and body hash are checked, each event is applied once whichever node gets it, and the stream's
/// lifecycle follows the room.
/// </summary>
public sealed class LiveKitWebhooksDriveStreams(TwoNodesWithLiveKit nodes) : IClassFixture<TwoNodesWithLiveKit>
{
    private LiveKitPeer LiveKit => nodes.LiveKit;

    private LiveStreamXApp First => nodes.First;

    private LiveStreamXApp Second => nodes.Second;

    [Fact]
    public async Task TheCreatorPublishingTakesTheStreamLiveOnceThoughBothNodesAndARetryGetTheEvent()
    {
        var creator = await First.SignInAsync("creator");
        var stream = await First.CreateStreamAsync(creator, live: false);
        var published = await LiveKit.WebhookAsync(Event("track_published", stream, creator.Id));

        var receipts = await Task.WhenAll(PostAsync(First, published), PostAsync(Second, published));
        var retry = await PostAsync(Second, published);

        Assert.Equal(["applied", "duplicate"], receipts.Select(r => r.GetProperty("outcome").GetString()).Order());
        Assert.Equal("duplicate", retry.GetProperty("outcome").GetString());
        Assert.Equal("live", await StatusAsync(Second, stream));
    }

    [Fact]
    public async Task AWebhookNotSignedForItsBodyWithThisSecretIsRefusedAndChangesNothing()
    {
        var creator = await First.SignInAsync("creator");
        var stream = await First.CreateStreamAsync(creator, live: false);
        var published = await LiveKit.WebhookAsync(Event("track_published", stream, creator.Id));
        var stranger = await new LiveKitPeer(LiveKit.ApiKey, "another-secret-of-32-characters-or-more").WebhookAsync(Event("track_published", stream, creator.Id));
        var otherKey = await new LiveKitPeer("APIother", LiveKit.ApiSecret).WebhookAsync(Event("track_published", stream, creator.Id));

        var tampered = published with { Body = published.Body.Replace("track_published", "room_finished", StringComparison.Ordinal) };
        await AssertUnauthorizedAsync(First, tampered);
        await AssertUnauthorizedAsync(Second, stranger);
        await AssertUnauthorizedAsync(First, otherKey);
        await AssertUnauthorizedAsync(Second, published with { Authorization = string.Empty });
        await AssertUnauthorizedAsync(First, published with { Authorization = "not.a.jwt" });

        Assert.Equal("scheduled", await StatusAsync(First, stream));
        // The genuine event still applies: the refusals stored no event id.
        Assert.Equal("applied", (await PostAsync(Second, published)).GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task TheCreatorAwayPastTheGracePeriodEndsTheStream()
    {
        var creator = await First.SignInAsync("creator");
        var stream = await First.CreateStreamAsync(creator, live: false);
        await PostAsync(First, await LiveKit.WebhookAsync(Event("track_published", stream, creator.Id)));
        Assert.Equal("live", await StatusAsync(First, stream));

        await PostAsync(Second, await LiveKit.WebhookAsync(Event("participant_left", stream, creator.Id)));

        await Timeouts.Eventually(async () => await StatusAsync(First, stream) == "ended", "the stream ended a grace period after its creator left");
    }

    [Fact]
    public async Task AViewerLeavingIsIgnored()
    {
        var creator = await First.SignInAsync("creator");
        var stream = await First.CreateStreamAsync(creator);

        var receipt = await PostAsync(First, await LiveKit.WebhookAsync(Event("participant_left", stream, creator.Id + "~viewer01")));

        Assert.Equal("ignored", receipt.GetProperty("outcome").GetString());
        Assert.Equal("live", await StatusAsync(Second, stream));
    }

    [Fact]
    public async Task TheRoomFinishingEndsTheStreamAndItsRecordingArchivesIt()
    {
        var creator = await First.SignInAsync("creator");
        var stream = await First.CreateStreamAsync(creator);

        await PostAsync(Second, await LiveKit.WebhookAsync(Event("room_finished", stream, null)));
        Assert.Equal("ended", await StatusAsync(First, stream));

        await PostAsync(First, await LiveKit.WebhookAsync(new Dictionary<string, object>
        {
            ["event"] = "egress_ended",
            ["id"] = "EV_" + Guid.NewGuid().ToString("N"),
            ["createdAt"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["egressInfo"] = new Dictionary<string, object>
            {
                ["egressId"] = "EG_test",
                ["roomName"] = stream,
                ["status"] = "EGRESS_COMPLETE",
                ["fileResults"] = new[] { new { filename = "recording.mp4", location = "https://storage.test/recordings/recording.mp4", duration = "61000000000", size = "1234567" } },
            },
        }));

        Assert.Equal("archived", await StatusAsync(Second, stream));
    }

    [Fact]
    public async Task AnEventOfAnUnknownRoomIsNotFoundAndAMalformedOneIsInvalid()
    {
        var unknown = await LiveKit.WebhookAsync(Event("room_finished", TestIds.Stream(), null));
        var (status, problem) = await SendAsync(First, unknown);
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("not_found", problem.Code());

        var notAStream = await LiveKit.WebhookAsync(Event("room_finished", "some-other-room", null));
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(Second, notAStream)).Status);

        var noId = await LiveKit.WebhookAsync(new { @event = "room_finished", room = new { name = TestIds.Stream() } });
        (status, problem) = await SendAsync(First, noId);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_input", problem.Code());
    }

    private static object Event(string kind, string room, string? identity)
    {
        var e = new Dictionary<string, object>
        {
            ["event"] = kind,
            ["id"] = "EV_" + Guid.NewGuid().ToString("N"),
            ["createdAt"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["room"] = new { sid = "RM_test", name = room },
        };
        if (identity is not null)
        {
            e["participant"] = new { sid = "PA_test", identity };
        }

        return e;
    }

    private static async Task<JsonElement> PostAsync(LiveStreamXApp app, SignedWebhook webhook)
    {
        var (status, body) = await SendAsync(app, webhook);
        Assert.True(status == HttpStatusCode.OK, $"The webhook was answered {(int)status}: {body}");
        return body;
    }

    private static async Task AssertUnauthorizedAsync(LiveStreamXApp app, SignedWebhook webhook)
    {
        var (status, problem) = await SendAsync(app, webhook);
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("unauthorized", problem.Code());
    }

    // As LiveKit posts it: the bare token in Authorization, the body as application/webhook+json.
    private static async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(LiveStreamXApp app, SignedWebhook webhook)
    {
        using var http = app.Http();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/media/livekit/webhook")
        {
            Content = new StringContent(webhook.Body, Encoding.UTF8, new MediaTypeHeaderValue("application/webhook+json")),
        };
        request.Headers.TryAddWithoutValidation("Authorization", webhook.Authorization);
        using var response = await http.SendAsync(request).WithTimeout();
        var text = await response.Content.ReadAsStringAsync().WithTimeout();
        return (response.StatusCode, text.Length > 0 ? JsonDocument.Parse(text).RootElement.Clone() : default);
    }

    private static async Task<string?> StatusAsync(LiveStreamXApp app, string stream) =>
        (await app.Http().GetFromJsonAsync<JsonElement>($"/api/streams/{stream}").WithTimeout()).GetProperty("status").GetString();
}

/// <summary>Two Api nodes (embedded silos) of one cluster in a real Redis, with LiveKit configured and a 1 s grace period.</summary>
public sealed class TwoNodesWithLiveKit : IAsyncLifetime
{
    private RedisServer _redis = null!;

    public LiveKitPeer LiveKit { get; } = LiveKitPeer.Random();

    public LiveStreamXApp First { get; private set; } = null!;

    public LiveStreamXApp Second { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _redis = await RedisServer.StartAsync();
        var settings = _redis.ApiNodeSettings("webhook-signing-key-" + Guid.NewGuid().ToString("N"));
        foreach (var (key, value) in LiveKit.Settings())
        {
            settings[key] = value;
        }

        settings["LSX:Media:CreatorGraceSeconds"] = "1";
        First = new LiveStreamXApp(settings);
        Second = new LiveStreamXApp(settings);
    }

    public async Task DisposeAsync()
    {
        Second.Dispose();
        First.Dispose();
        await _redis.DisposeAsync();
    }
}
