using System.Net;
using System.Text.Json;
using LiveStreamX.Testing;

namespace LiveStreamX.Api.Tests.Apis;

[Collection(AppCollection.Name)]
public sealed class OperationsTests(AppFixture fixture)
{
    private LiveStreamXApp App => fixture.App;

    [Fact]
    public async Task LivenessAndReadinessAreHealthy()
    {
        using var http = App.Http();
        Assert.Equal("Healthy", await http.GetStringAsync("/healthz").WithTimeout());
        Assert.Equal("Healthy", await http.GetStringAsync("/readyz").WithTimeout());
    }

    [Fact]
    public async Task TheOpenApiDocumentDescribesTheRestApi()
    {
        var document = await App.Http().GetFromJsonAsync<JsonElement>("/openapi/v1.json").WithTimeout();
        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/auth/dev-login", out _));
        Assert.True(paths.TryGetProperty("/api/streams", out _));
        Assert.True(paths.TryGetProperty("/api/streams/{id}/start", out _));
    }

    [Fact]
    public async Task MetricsCountConnectionsEventsAndHubErrors()
    {
        var creator = await App.SignInAsync("creator");
        var streamId = await App.CreateStreamAsync(creator);
        await using var client = await App.Hub(creator).StartAsync();
        await client.JoinAsync(streamId);
        await client.ChatAsync(streamId, "counted");
        await HubErrors.CodeOf(() => client.ChatAsync(streamId, " "));
        await client.WaitForAsync("chat:message", streamId);

        await Timeouts.Eventually(
            async () =>
            {
                var text = await App.Http().GetStringAsync("/metrics");
                return text.Contains("lsx_hub_connections", StringComparison.Ordinal)
                    && text.Contains("lsx_events_in", StringComparison.Ordinal)
                    && text.Contains("lsx_events_out", StringComparison.Ordinal)
                    && text.Contains("lsx_hub_errors", StringComparison.Ordinal)
                    && text.Contains("lsx_events_batch_size_bucket", StringComparison.Ordinal);
            },
            "/metrics shows the hub's counters and the send tick's batch sizes");
    }

    [Fact]
    public async Task AnUnknownApiPathIsAProblemNotTheWebClient()
    {
        using var response = await App.Http().GetAsync("/api/does-not-exist").WithTimeout();
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
