using System.Net;
using LiveStreamX.Testing;

namespace LiveStreamX.Api.Tests.Observability;

[Collection(AppCollection.Name)]
public sealed class DashboardIsForAdmins(AppFixture fixture)
{
    private LiveStreamXApp App => fixture.App;

    [Fact]
    public async Task AnAdminGetsTheDashboardAndItsClusterStatistics()
    {
        using var http = App.Http(App.Admin().Token);

        using var page = await http.GetAsync("/dashboard/index.html").WithTimeout();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("html", await page.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);

        // The statistics the page draws: grain types, activations and call rates of every silo.
        await Timeouts.Eventually(
            async () =>
            {
                using var stats = await http.GetAsync("/dashboard/DashboardCounters").WithTimeout();
                var body = await stats.Content.ReadAsStringAsync();
                return stats.StatusCode == HttpStatusCode.OK && body.Contains("totalActivationCount", StringComparison.OrdinalIgnoreCase);
            },
            "the dashboard's counters list the cluster's activations");
    }

    [Fact]
    public async Task AViewerIsForbiddenTheDashboard()
    {
        var viewer = await App.SignInAsync();
        using var http = App.Http(viewer.Token);
        using var response = await http.GetAsync("/dashboard/index.html").WithTimeout();
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task AnAnonymousCallerMustSignInForTheDashboard()
    {
        using var response = await App.Http().GetAsync("/dashboard/index.html").WithTimeout();
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        using var counters = await App.Http().GetAsync("/dashboard/DashboardCounters").WithTimeout();
        Assert.Equal(HttpStatusCode.Unauthorized, counters.StatusCode);
    }
}
