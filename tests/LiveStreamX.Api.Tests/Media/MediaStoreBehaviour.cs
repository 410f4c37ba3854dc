using System.Net;
using System.Net.Http.Headers;
using System.Text;
using LiveStreamX.Media;
using LiveStreamX.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LiveStreamX.Api.Tests.Media;

/// <summary>What every media store does, proven against Azurite (<see cref="BlobMediaStoreTests"/>) and a local folder (<see cref="LocalMediaStoreTests"/>) through a real Api node.</summary>
public abstract class MediaStoreBehaviour(LiveStreamXApp app)
{
    protected IMediaStore Store { get; } = app.Services.GetRequiredService<IMediaStore>();

    protected static string NewKey() => $"tests/{Guid.NewGuid():N}/object.bin";

    [Fact]
    public async Task BlocksStagedInAnyOrderAreListedAndCommitInListOrder()
    {
        var key = NewKey();
        await Store.StageBlockAsync(key, 2, Bytes("cc")).WithTimeout();
        await Store.StageBlockAsync(key, 0, Bytes("aa")).WithTimeout();
        await Store.StageBlockAsync(key, 1, Bytes("xx")).WithTimeout();
        await Store.StageBlockAsync(key, 1, Bytes("bb")).WithTimeout();

        Assert.Equal([0, 1, 2], await Store.StagedBlocksAsync(key).WithTimeout());
        Assert.Null(await Store.GetAsync(key).WithTimeout());

        await Store.CommitBlocksAsync(key, [0, 1, 2], "video/mp4").WithTimeout();

        var stored = await Store.GetAsync(key).WithTimeout();
        Assert.Equal(new MediaObject(key, 6, "video/mp4"), stored);
        Assert.Equal("aabbcc", await ReadAsync(key));
        Assert.Equal("bbc", await ReadAsync(key, 2, 3));
        Assert.Empty(await Store.StagedBlocksAsync(key).WithTimeout());
    }

    [Fact]
    public async Task CommittingABlockNeverStagedFailsAndStoresNothing()
    {
        var key = NewKey();
        await Store.StageBlockAsync(key, 0, Bytes("aa")).WithTimeout();

        await Assert.ThrowsAsync<MediaStoreException>(() => Store.CommitBlocksAsync(key, [0, 1], "video/mp4").WithTimeout());

        Assert.Null(await Store.GetAsync(key).WithTimeout());
    }

    [Fact]
    public async Task DeletingRemovesTheObjectAndBlocksStagedForIt()
    {
        var written = NewKey();
        await Store.WriteAsync(written, Bytes("hello"), "text/plain").WithTimeout();
        var staged = NewKey();
        await Store.StageBlockAsync(staged, 0, Bytes("aa")).WithTimeout();

        await Store.DeleteAsync(written).WithTimeout();
        await Store.DeleteAsync(staged).WithTimeout();
        await Store.DeleteAsync(NewKey()).WithTimeout();

        Assert.Null(await Store.GetAsync(written).WithTimeout());
        Assert.Empty(await Store.StagedBlocksAsync(staged).WithTimeout());
        await Assert.ThrowsAsync<MediaStoreException>(() => Store.OpenReadAsync(written).WithTimeout());
    }

    [Fact]
    public async Task AReadUrlServesRangesToABrowserWithoutCredentials()
    {
        var key = NewKey();
        await Store.WriteAsync(key, Bytes("0123456789"), "video/mp4").WithTimeout();

        using var http = app.Http();
        using var request = new HttpRequestMessage(HttpMethod.Get, Store.ReadUrl(key, TimeSpan.FromMinutes(5)));
        request.Headers.Range = new RangeHeaderValue(2, 5);
        using var response = await http.SendAsync(request).WithTimeout();

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal("2345", await response.Content.ReadAsStringAsync());
        Assert.Equal("video/mp4", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task AnExpiredReadUrlIsRefused()
    {
        var key = NewKey();
        await Store.WriteAsync(key, Bytes("secret"), "video/mp4").WithTimeout();

        using var http = app.Http();
        using var response = await http.GetAsync(Store.ReadUrl(key, TimeSpan.FromMinutes(-5))).WithTimeout();

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task AReadUrlDoesNotOpenAnotherObject()
    {
        var key = NewKey();
        var other = NewKey();
        await Store.WriteAsync(key, Bytes("mine"), "video/mp4").WithTimeout();
        await Store.WriteAsync(other, Bytes("theirs"), "video/mp4").WithTimeout();

        var url = Store.ReadUrl(key, TimeSpan.FromMinutes(5)).ToString().Replace(key, other, StringComparison.Ordinal);
        using var http = app.Http();
        using var response = await http.GetAsync(url).WithTimeout();

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("/absolute")]
    [InlineData("Upper/case")]
    [InlineData("a//b")]
    [InlineData("")]
    public async Task AKeyThatCouldEscapeItsFolderIsRefused(string key)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store.WriteAsync(key, Bytes("x"), "text/plain"));
    }

    protected static MemoryStream Bytes(string text) => new(Encoding.ASCII.GetBytes(text));

    private async Task<string> ReadAsync(string key, long offset = 0, long? length = null)
    {
        await using var stream = await Store.OpenReadAsync(key, offset, length).WithTimeout();
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync().WithTimeout();
    }
}

/// <summary>An Api node whose media store is a fresh Azurite.</summary>
public sealed class BlobStoreApp : IAsyncLifetime
{
    private AzuriteServer? _azurite;

    public LiveStreamXApp App { get; private set; } = null!;

    public AzuriteServer Azurite => _azurite!;

    public async Task InitializeAsync()
    {
        _azurite = await AzuriteServer.StartAsync();
        App = new LiveStreamXApp(new Dictionary<string, string?>
        {
            ["LSX:Media:Blob:ConnectionString"] = _azurite.ConnectionString,
            ["LSX:Media:Blob:Container"] = "test-media",
        });
    }

    public async Task DisposeAsync()
    {
        App?.Dispose();
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}

/// <summary>An Api node whose media store is a fresh temporary folder.</summary>
public sealed class LocalStoreApp : IDisposable
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("lsx-media-").FullName;

    public LiveStreamXApp App { get; }

    public LocalStoreApp() => App = new LiveStreamXApp(new Dictionary<string, string?> { ["LSX:Media:Local:Path"] = Folder });

    public void Dispose()
    {
        App.Dispose();
        Directory.Delete(Folder, recursive: true);
    }
}

public sealed class BlobMediaStoreTests(BlobStoreApp fixture) : MediaStoreBehaviour(fixture.App), IClassFixture<BlobStoreApp>
{
    [Fact]
    public void TheStoreIsAzureBlobStorage() => Assert.Equal("blob", Store.Kind);

    [Fact]
    public void AReadUrlIsAReadOnlySasThatCarriesNoAccountKey()
    {
        var url = Store.ReadUrl(NewKey(), TimeSpan.FromMinutes(5));

        var query = System.Web.HttpUtility.ParseQueryString(url.Query);
        Assert.Equal("r", query["sp"]);
        Assert.NotNull(query["se"]);
        Assert.DoesNotContain(AzuriteServer.AccountKey, Uri.UnescapeDataString(url.ToString()), StringComparison.Ordinal);
    }
}

public sealed class LocalMediaStoreTests(LocalStoreApp fixture) : MediaStoreBehaviour(fixture.App), IClassFixture<LocalStoreApp>
{
    [Fact]
    public void TheStoreIsTheLocalFolder() => Assert.Equal("local", Store.Kind);

    [Fact]
    public async Task NothingIsWrittenOutsideTheFolder()
    {
        var key = NewKey();
        await Store.WriteAsync(key, Bytes("x"), "text/plain").WithTimeout();

        Assert.True(File.Exists(Path.Combine(fixture.Folder, "objects", key)));
    }
}
