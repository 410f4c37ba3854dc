namespace LiveStreamX.Grains.Hosting;

/// <summary>The grain storage providers the grains name.</summary>
public static class StorageNames
{
    /// <summary>Grain state: users, streams, the directory.</summary>
    public const string Default = "lsx";
}
