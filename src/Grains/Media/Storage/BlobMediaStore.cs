using System.Globalization;
using System.Text;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Azure.Storage.Sas;
using Microsoft.Extensions.Options;

namespace LiveStreamX.Media;

/// <summary>Media in one Azure Blob Storage container: parts are staged as blocks of a block blob, browsers read through read-only SAS URLs.</summary>
public sealed class BlobMediaStore : IMediaStore
{
    private readonly BlobContainerClient _container;
    private readonly Lock _createLock = new();
    private Task? _creation;

    public BlobMediaStore(IOptions<MediaOptions> options)
    {
        var blob = options.Value.Blob;
        _container = new BlobServiceClient(blob.ConnectionString).GetBlobContainerClient(blob.Container);
    }

    public string Kind => "blob";

    public async Task StageBlockAsync(string key, int index, Stream content, CancellationToken cancellationToken = default)
    {
        await EnsureContainerAsync(cancellationToken);
        await Blocks(key).StageBlockAsync(BlockId(MediaKey.ValidateBlock(index)), content, cancellationToken: cancellationToken);
    }

    public async Task<IReadOnlyList<int>> StagedBlocksAsync(string key, CancellationToken cancellationToken = default)
    {
        await EnsureContainerAsync(cancellationToken);
        try
        {
            var list = await Blocks(key).GetBlockListAsync(BlockListTypes.Uncommitted, cancellationToken: cancellationToken);
            return [.. list.Value.UncommittedBlocks.Select(b => BlockIndex(b.Name)).Where(i => i >= 0).Order()];
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return [];
        }
    }

    public async Task CommitBlocksAsync(string key, IReadOnlyList<int> blocks, string contentType, CancellationToken cancellationToken = default)
    {
        await EnsureContainerAsync(cancellationToken);
        try
        {
            await Blocks(key).CommitBlockListAsync(
                blocks.Select(i => BlockId(MediaKey.ValidateBlock(i))),
                new CommitBlockListOptions { HttpHeaders = new BlobHttpHeaders { ContentType = contentType } },
                cancellationToken);
        }
        catch (RequestFailedException e) when (e.ErrorCode == BlobErrorCode.InvalidBlockList)
        {
            throw new MediaStoreException($"A block of '{key}' was never staged.", e);
        }
    }

    public async Task WriteAsync(string key, Stream content, string contentType, CancellationToken cancellationToken = default)
    {
        await EnsureContainerAsync(cancellationToken);
        await Blob(key).UploadAsync(content, new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = contentType } }, cancellationToken);
    }

    public async Task<MediaObject?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        await EnsureContainerAsync(cancellationToken);
        try
        {
            var properties = (await Blob(key).GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
            return new MediaObject(key, properties.ContentLength, properties.ContentType ?? "application/octet-stream");
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public async Task<Stream> OpenReadAsync(string key, long offset = 0, long? length = null, CancellationToken cancellationToken = default)
    {
        await EnsureContainerAsync(cancellationToken);
        try
        {
            var download = await Blob(key).DownloadStreamingAsync(new BlobDownloadOptions { Range = new HttpRange(offset, length) }, cancellationToken);
            return download.Value.Content;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            throw new MediaStoreException($"There is no media object '{key}'.", e);
        }
    }

    public async Task DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        await EnsureContainerAsync(cancellationToken);
        if (await Blob(key).DeleteIfExistsAsync(DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken))
        {
            return;
        }

        // Staged blocks of a blob never committed would wait a week for Azure's garbage collection: committing an
        // empty list drops them now, and the empty blob goes with them.
        if ((await StagedBlocksAsync(key, cancellationToken)).Count > 0)
        {
            await Blocks(key).CommitBlockListAsync([], cancellationToken: cancellationToken);
            await Blob(key).DeleteIfExistsAsync(cancellationToken: cancellationToken);
        }
    }

    public Uri ReadUrl(string key, TimeSpan lifetime) =>
        Blob(key).GenerateSasUri(BlobSasPermissions.Read, DateTimeOffset.UtcNow.Add(lifetime));

    private BlobClient Blob(string key) => _container.GetBlobClient(MediaKey.Validate(key));

    private BlockBlobClient Blocks(string key) => _container.GetBlockBlobClient(MediaKey.Validate(key));

    // Block ids of one blob must all have the same length: the index, six digits, base64.
    private static string BlockId(int index) => Convert.ToBase64String(Encoding.ASCII.GetBytes(index.ToString("D6", CultureInfo.InvariantCulture)));

    private static int BlockIndex(string id)
    {
        try
        {
            return int.TryParse(Encoding.ASCII.GetString(Convert.FromBase64String(id)), NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index : -1;
        }
        catch (FormatException)
        {
            return -1;
        }
    }

    // Created once per process; a failed attempt (storage down) is tried again by the next call.
    private Task EnsureContainerAsync(CancellationToken cancellationToken)
    {
        lock (_createLock)
        {
            if (_creation is null || _creation.IsFaulted || _creation.IsCanceled)
            {
                _creation = _container.CreateIfNotExistsAsync(cancellationToken: CancellationToken.None);
            }

            return _creation.WaitAsync(cancellationToken);
        }
    }
}
