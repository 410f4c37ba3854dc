using System.Net;
using System.Text.Json;
using LiveStreamX.Api.Tests.Hardening;
using LiveStreamX.Audit;
using LiveStreamX.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LiveStreamX.Api.Tests.Audit;

[Collection(AppCollection.Name)]
public sealed class AuditApiTests(AppFixture fixture)
{
    private LiveStreamXApp App => fixture.App;

    [Fact]
    public async Task AnAdminPagesThroughTheLogFilteredNewestFirst()
    {
        var (actor, creator, stream) = (TestIds.User(), TestIds.User(), TestIds.Stream());
        var log = App.Services.GetRequiredService<IGrainFactory>().GetGrain<IAuditLogGrain>(AuditScopes.Platform);
        for (var i = 0; i < 5; i++)
        {
            await log.AppendAsync(new AuditEntry(actor, "mod", i % 2 == 0 ? "user-ban" : "chat-delete", TestIds.User(), null, stream, creator, $"#{i}", default)).WithTimeout();
        }

        using var http = App.Http(App.Admin().Token);
        var first = await http.GetFromJsonAsync<JsonElement>($"/api/admin/audit?actorId={actor}&action=user-ban&limit=2").WithTimeout();
        var second = await http.GetFromJsonAsync<JsonElement>(
            $"/api/admin/audit?actorId={actor}&action=user-ban&limit=2&before={first.GetProperty("next").GetInt64()}").WithTimeout();
        var creators = await http.GetFromJsonAsync<JsonElement>($"/api/admin/audit?creatorId={creator}&streamId={stream}").WithTimeout();

        Assert.Equal(["#4", "#2"], first.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("reason").GetString()));
        Assert.Equal(["#0"], second.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("reason").GetString()));
        Assert.Equal(5, creators.GetProperty("entries").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, creators.GetProperty("next").ValueKind);
    }

    [Theory]
    [InlineData("?limit=0", "limit")]
    [InlineData("?limit=101", "limit")]
    [InlineData("?before=0", "before")]
    [InlineData("?action=User%20Ban", "action")]
    [InlineData("?limit=ten", "limit")]
    public async Task ABadFilterIsAValidationProblem(string query, string field)
    {
        using var http = App.Http(App.Admin().Token);

        var (status, problem) = await Refusals.SendAsync(http, HttpMethod.Get, "/api/admin/audit" + query, null);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_input", problem.Code());
        Assert.Contains(field, problem.Fields());
    }

    [Fact]
    public async Task OnlyAdminsReadTheLog()
    {
        var viewer = await App.SignInAsync();

        var (asViewer, problem) = await Refusals.SendAsync(App.Http(viewer.Token), HttpMethod.Get, "/api/admin/audit", null);
        var (anonymous, _) = await Refusals.SendAsync(App.Http(), HttpMethod.Get, "/api/admin/audit", null);

        Assert.Equal((HttpStatusCode.Forbidden, "forbidden"), (asViewer, problem.Code()));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous);
    }
}
