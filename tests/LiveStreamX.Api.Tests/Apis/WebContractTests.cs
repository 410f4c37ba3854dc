using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using LiveStreamX.Api.Realtime;
using LiveStreamX.Progression;
using LiveStreamX.Streams;
using LiveStreamX.Testing;

namespace LiveStreamX.Api.Tests.Apis;

/// <summary>
/// The web client's types are generated from a checked-in copy of /openapi/v1.json (REST and hub). These tests fail
/// when that copy is stale; <c>LSX_UPDATE_WEB_CONTRACT=1</c> writes the served document over it instead, and then
/// <c>npm run contract</c> in src/Web regenerates the types.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class WebContractTests(AppFixture fixture)
{
    private static readonly string ContractPath = typeof(WebContractTests).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "WebContract").Value!;

    [Fact]
    public async Task TheWebClientsCopyOfTheOpenApiDocumentIsTheServedOne()
    {
        var served = JsonNode.Parse(await fixture.App.Http().GetStringAsync("/openapi/v1.json").WithTimeout())!;
        served.AsObject().Remove("servers"); // where this test's server listens, not part of the contract
        if (Environment.GetEnvironmentVariable("LSX_UPDATE_WEB_CONTRACT") == "1")
        {
            await File.WriteAllTextAsync(ContractPath, served.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n");
        }

        var copy = JsonNode.Parse(await File.ReadAllTextAsync(ContractPath))!;
        Assert.True(
            JsonNode.DeepEquals(served, copy),
            $"{ContractPath} is stale: run `LSX_UPDATE_WEB_CONTRACT=1 dotnet test tests/LiveStreamX.Api.Tests --filter WebContract`, then `npm run contract` in src/Web.");
    }

    [Fact]
    public async Task TheDocumentNamesEveryHubMethodAndEvent()
    {
        var schemas = JsonNode.Parse(await fixture.App.Http().GetStringAsync("/openapi/v1.json").WithTimeout())!["components"]!["schemas"]!;
        var methods = schemas["HubMethods"]!["properties"]!.AsObject().Select(p => p.Key);
        Assert.Equal(HubContractTransformer.HubMethods().Select(m => m.Name), methods.Order(StringComparer.Ordinal));
        Assert.Contains(EventNames.StreamJoin, methods);

        var streamEvents = schemas["StreamEvent"]!["oneOf"]!.AsArray().Select(r => r!["$ref"]!.GetValue<string>().Split('/')[^1]);
        Assert.Equal(HubContractTransformer.EventTypes<StreamEvent>().Select(e => e.Type.Name), streamEvents);
        Assert.Equal("chat:message", schemas["ChatMessageEvent"]!["properties"]!["type"]!["const"]!.GetValue<string>());
        Assert.Equal(["badge:earned", "level:up", "moderation:lifted", "moderation:restricted", "segment:processing", "stream:live", "wallet:changed"], HubContractTransformer.EventTypes<UserEvent>().Select(e => e.Name));
    }
}
