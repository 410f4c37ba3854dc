using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace LiveStreamX.Media;

/// <summary>Registers the media store chosen by <see cref="MediaOptions"/>, on Api nodes and silos alike.</summary>
public static class MediaServiceCollectionExtensions
{
    public static IServiceCollection AddLiveStreamXMedia(this IServiceCollection services)
    {
        services.AddOptions<MediaOptions>().BindConfiguration(MediaOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MediaOptions>, MediaOptionsValidation>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<LocalMediaStore>();
        services.TryAddSingleton<BlobMediaStore>();
        services.TryAddSingleton<IMediaStore>(sp => sp.GetRequiredService<IOptions<MediaOptions>>().Value.UsesBlob
            ? sp.GetRequiredService<BlobMediaStore>()
            : sp.GetRequiredService<LocalMediaStore>());
        return services;
    }

    /// <summary>What DataAnnotations cannot say: the nested sections, and a connection string that can sign SAS URLs.</summary>
    private sealed class MediaOptionsValidation : IValidateOptions<MediaOptions>
    {
        public ValidateOptionsResult Validate(string? name, MediaOptions options)
        {
            var failures = new List<string>();
            var results = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
            foreach (var (section, value) in new (string, object)[] { ("Blob", options.Blob), ("Local", options.Local) })
            {
                if (!System.ComponentModel.DataAnnotations.Validator.TryValidateObject(value, new(value), results, validateAllProperties: true))
                {
                    failures.AddRange(results.Select(r => $"{MediaOptions.Section}:{section}:{string.Join(",", r.MemberNames)}: {r.ErrorMessage}"));
                    results.Clear();
                }
            }

            if (options.UsesBlob)
            {
                try
                {
                    if (!new BlobServiceClient(options.Blob.ConnectionString).CanGenerateAccountSasUri)
                    {
                        failures.Add($"LSX__Media__Blob__ConnectionString must carry the account key (AccountName=…;AccountKey=…): it signs the short-lived read-only URLs browsers get.");
                    }
                }
                catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException)
                {
                    failures.Add($"LSX__Media__Blob__ConnectionString is not an Azure Storage connection string: {e.Message}");
                }
            }

            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }
    }
}
