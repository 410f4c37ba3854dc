using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Sas;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace LiveStreamX.Grains.Vod;

/// <summary>VOD files in one Azure Blob Storage container; browsers get read-only SAS URLs, never the account key.</summary>
public sealed class AzureVodStorage(VodOptions options) : IVodStorage
{
    private readonly BlobContainerClient _container = new(options.BlobConnectionString, options.BlobContainer);
    private Task? _created;

    public bool IsConfigured => true;

    public async Task WriteAsync(string name, Stream content, string contentType, string? contentEncoding, CancellationToken cancellationToken)
    {
        await EnsureContainerAsync(cancellationToken);
        await _container.GetBlobClient(name).UploadAsync(
            content,
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = contentType, ContentEncoding = contentEncoding } },
            cancellationToken);
    }

    public async Task<byte[]?> ReadAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            var download = await _container.GetBlobClient(name).DownloadContentAsync(cancellationToken);
            return download.Value.Content.ToArray();
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    public Uri ReadUrl(string name, TimeSpan lifetime) =>
        _container.GetBlobClient(name).GenerateSasUri(BlobSasPermissions.Read, DateTimeOffset.UtcNow.Add(lifetime));

    /// <summary>The blob a location names: a name in this container, or a URL of a blob in it (as LiveKit's egress reports).</summary>
    public string? BlobOf(string location)
    {
        if (!Uri.TryCreate(location, UriKind.Absolute, out var url))
        {
            return location.TrimStart('/');
        }

        var container = _container.Uri.AbsoluteUri.TrimEnd('/') + "/";
        var plain = url.GetLeftPart(UriPartial.Path);
        return plain.StartsWith(container, StringComparison.Ordinal) ? Uri.UnescapeDataString(plain[container.Length..]) : null;
    }

    // Once per process; a failure is tried again by the next write.
    private Task EnsureContainerAsync(CancellationToken cancellationToken)
    {
        if (_created is not { IsCompletedSuccessfully: true })
        {
            _created = _container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        }

        return _created;
    }
}

public static class VodStorageRegistration
{
    /// <summary>The VOD files' store: Azure Blob Storage when <see cref="VodOptions.BlobConnectionString"/> is set.</summary>
    public static IServiceCollection AddVodStorage(this IServiceCollection services)
    {
        services.AddOptions<VodOptions>().BindConfiguration(VodOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<IVodStorage>(sp => sp.GetRequiredService<IOptions<VodOptions>>().Value is { BlobConnectionString: { Length: > 0 } } o
            ? new AzureVodStorage(o)
            : new UnconfiguredVodStorage());
        return services;
    }
}
