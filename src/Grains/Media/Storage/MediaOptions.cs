using System.ComponentModel.DataAnnotations;

namespace LiveStreamX.Media;

/// <summary>Where media lives. Section <c>LSX:Media</c>; Azure Blob Storage when <c>Blob:ConnectionString</c> is set, else a local folder.</summary>
public sealed class MediaOptions
{
    public const string Section = "LSX:Media";

    public BlobMediaOptions Blob { get; set; } = new();

    public LocalMediaOptions Local { get; set; } = new();

    /// <summary>True when the store is Azure Blob Storage.</summary>
    public bool UsesBlob => !string.IsNullOrWhiteSpace(Blob.ConnectionString);
}

/// <summary>Azure Blob Storage (Azurite in development and tests).</summary>
public sealed class BlobMediaOptions
{
    public const string DefaultContainer = "media";

    /// <summary>A connection string with the account key (it signs the SAS URLs browsers read with); the key never leaves the server.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The container, created on first use: 3–63 lower-case letters, digits and single hyphens.</summary>
    [RegularExpression("^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$")]
    public string Container { get; set; } = DefaultContainer;
}

/// <summary>The local-folder store of the one-command development run (one process: the Api with its co-hosted silo).</summary>
public sealed class LocalMediaOptions
{
    /// <summary>The folder; default <c>livestreamx-media</c> in the system's temporary folder.</summary>
    public string? Path { get; set; }

    /// <summary>The HMAC key that signs read URLs (32+ characters), the same on every node sharing the folder; unset: a random key per process.</summary>
    [MinLength(32)]
    public string? SigningKey { get; set; }

    public string ResolvedPath => string.IsNullOrWhiteSpace(Path) ? System.IO.Path.Combine(System.IO.Path.GetTempPath(), "livestreamx-media") : Path;
}
