using System.Net;
using LiveStreamX.Testing;

namespace LiveStreamX.Web.Tests.Hosting;

[Collection(BrowserCollection.Name)]
public sealed class HomePageTests(BrowserFixture fixture)
{
    private LiveStreamXApp App => fixture.App;

    [Theory]
    [InlineData("/")]
    [InlineData("/watch/anything")]
    [InlineData("/studio")]
    public async Task TheServerServesTheWebClientOnClientRoutes(string path)
    {
        using var http = App.Http();
        using var response = await http.GetAsync(path).WithTimeout();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync().WithTimeout();
        Assert.Contains("<div id=\"root\"></div>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownApiPathIsAProblemNotTheWebClient()
    {
        using var http = App.Http();
        using var response = await http.GetAsync("/api/nope").WithTimeout();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync().WithTimeout();
        Assert.DoesNotContain("<div id=\"root\">", body, StringComparison.Ordinal);
        Assert.Contains("\"status\":404", body, StringComparison.Ordinal);
    }
}
