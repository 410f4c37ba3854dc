using LiveStreamX.Testing;

namespace LiveStreamX.Api.Tests.Identity;

/// <summary>A sign-in provider set up wrong stops the node at start, naming the setting to fix.</summary>
public sealed class ProviderSettingsTests
{
    [Theory]
    [InlineData("Google", null, null, "LSX__Auth__Providers__google__ClientSecret")]
    [InlineData("keycloak", null, null, "LSX__Auth__Providers__keycloak__Issuer")]
    [InlineData("keycloak", "not a uri", null, "LSX__Auth__Providers__keycloak__Issuer")]
    [InlineData("keycloak", "http://id.example", null, "LSX__Auth__Providers__keycloak__Issuer")]
    [InlineData("key_cloak", "https://id.example", null, "a provider's name")]
    public void AWrongProviderSettingFailsAtStartSayingWhatToSet(string provider, string? issuer, string? secret, string named)
    {
        var error = Assert.ThrowsAny<Exception>(() => new LiveStreamXApp(new Dictionary<string, string?>
        {
            [$"LSX:Auth:Providers:{provider}:ClientId"] = "client",
            [$"LSX:Auth:Providers:{provider}:ClientSecret"] = secret,
            [$"LSX:Auth:Providers:{provider}:Issuer"] = issuer,
        }).Dispose());

        Assert.Contains(named, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AProviderWithoutAClientIdIsNotConfiguredAndDoesNotShow()
    {
        using var app = new LiveStreamXApp(new Dictionary<string, string?> { ["LSX:Auth:Providers:Twitch:ClientSecret"] = "secret" });
        using var http = app.Http();
        var options = await http.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/auth/providers").WithTimeout();

        Assert.Equal(0, options.GetProperty("providers").GetArrayLength());
    }
}
