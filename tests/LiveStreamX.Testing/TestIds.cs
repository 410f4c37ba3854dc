namespace LiveStreamX.Testing;

/// <summary>Random keys per test, so tests sharing a cluster or a Redis never see each other's data.</summary>
public static class TestIds
{
    public static string Stream() => "s_t" + Guid.NewGuid().ToString("N")[..12];

    public static string User() => "u_t" + Guid.NewGuid().ToString("N")[..12];

    public static string Handle(string prefix = "u") => prefix + "_" + Guid.NewGuid().ToString("N")[..10];

    public static string Cluster() => "lsx-test-" + Guid.NewGuid().ToString("N")[..8];
}
