namespace LiveStreamX.Api.Hosting;

/// <summary>How this Api node reaches the grains. Section <c>LSX:Api</c>.</summary>
public sealed class ApiOptions
{
    public const string Section = "LSX:Api";

    /// <summary><c>Embedded</c>: co-host a silo (one process is the whole system). <c>Client</c>: join the cluster of src/Silo processes.</summary>
    public ApiMode Mode { get; set; } = ApiMode.Embedded;

    /// <summary>Seed the demo creator and its live stream at start.</summary>
    public bool DemoData { get; set; } = true;
}

public enum ApiMode
{
    Embedded,
    Client,
}
