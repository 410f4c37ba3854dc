using System.Net;
using System.Text.Json;
using LiveStreamX.Testing;
using static LiveStreamX.Api.Tests.Moderation.ModerationApiTests;

namespace LiveStreamX.Api.Tests.Moderation;

[Collection(AppCollection.Name)]
public sealed class ReportsApiTests(AppFixture fixture)
{
    private LiveStreamXApp App => fixture.App;

    [Fact]
    public async Task AReportedMessageReachesTheCreatorsQueueAndTheAdminsAndIsResolvedInBoth()
    {
        var creator = await App.SignInAsync("creator");
        var streamId = await App.CreateStreamAsync(creator);
        var troll = await App.SignInAsync();
        var reporter = await App.SignInAsync();
        await using var client = await App.Hub(troll).StartAsync();
        var message = await client.ChatAsync(streamId, "buy followers here");
        using var asReporter = App.Http(reporter.Token);
        using var asCreator = App.Http(creator.Token);
        using var asAdmin = App.Http(App.Admin().Token);

        using var filed = await asReporter.PostAsJsonAsync("/api/reports", new { streamId, messageId = message.GetProperty("id").GetString(), reason = "spam" });
        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        var report = await filed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(troll.Id, report.GetProperty("targetUserId").GetString());
        Assert.Equal("buy followers here", report.GetProperty("messageText").GetString());
        var id = report.GetProperty("id").GetString();

        var queue = await asCreator.GetFromJsonAsync<JsonElement>($"/api/creators/{creator.Id}/reports");
        Assert.Contains(queue.EnumerateArray(), r => r.GetProperty("id").GetString() == id);
        await AssertProblem(HttpStatusCode.Forbidden, "forbidden", await asReporter.GetAsync($"/api/creators/{creator.Id}/reports"));
        await AssertProblem(HttpStatusCode.Forbidden, "forbidden", await asReporter.GetAsync("/api/admin/reports"));

        (await asCreator.PostAsJsonAsync($"/api/creators/{creator.Id}/reports/{id}/resolve", new { resolution = "banned the spammer" })).EnsureSuccessStatusCode();

        // The platform's copy is marked one way, so it may take a moment.
        var deadline = DateTimeOffset.UtcNow + Timeouts.Default;
        while (true)
        {
            var all = await asAdmin.GetFromJsonAsync<JsonElement>("/api/admin/reports?open=false&limit=200");
            var mine = all.EnumerateArray().Single(r => r.GetProperty("id").GetString() == id);
            if (mine.GetProperty("resolution").ValueKind == JsonValueKind.String)
            {
                Assert.Equal(creator.Id, mine.GetProperty("resolvedBy").GetString());
                break;
            }

            Assert.True(DateTimeOffset.UtcNow < deadline, "The admins' queue never saw the resolution.");
            await Task.Delay(50);
        }

        await AssertProblem(HttpStatusCode.Conflict, "conflict", await asAdmin.PostAsJsonAsync($"/api/admin/reports/{id}/resolve", new { resolution = "again" }));
    }

    [Fact]
    public async Task BadReportsAreCodedRefusals()
    {
        var creator = await App.SignInAsync("creator");
        var streamId = await App.CreateStreamAsync(creator);
        var reporter = await App.SignInAsync();
        using var http = App.Http(reporter.Token);

        await AssertProblem(HttpStatusCode.NotFound, "not_found", await http.PostAsJsonAsync("/api/reports", new { streamId, messageId = "m_nope", reason = "spam" }));
        await AssertProblem(HttpStatusCode.NotFound, "not_found", await http.PostAsJsonAsync("/api/reports", new { userId = TestIds.User(), reason = "spam" }));
        await AssertProblem(HttpStatusCode.BadRequest, "invalid_input", await http.PostAsJsonAsync("/api/reports", new { userId = creator.Id, reason = "  " }));
        await AssertProblem(HttpStatusCode.BadRequest, "invalid_input", await http.PostAsJsonAsync("/api/reports", new { userId = reporter.Id, reason = "me" }));
        await AssertProblem(HttpStatusCode.BadRequest, "invalid_input", await http.PostAsJsonAsync("/api/reports", new { streamId, reason = "no message" }));
        await AssertProblem(HttpStatusCode.Unauthorized, "unauthorized", await App.Http().PostAsJsonAsync("/api/reports", new { userId = creator.Id, reason = "spam" }));
        using var reported = await http.PostAsJsonAsync("/api/reports", new { userId = creator.Id, reason = "rude streamer" });
        Assert.Equal(HttpStatusCode.Created, reported.StatusCode);
    }
}
