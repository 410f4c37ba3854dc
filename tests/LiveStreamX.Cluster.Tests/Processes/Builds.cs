using System.Reflection;

namespace LiveStreamX.Cluster.Tests.Processes;

/// <summary>The built silo and Api the tests start (the project references them, so they are built first).</summary>
internal static class Builds
{
    public static string Silo => Find("SiloAssembly");

    public static string Api => Find("ApiAssembly");

    private static string Find(string key)
    {
        var path = typeof(Builds).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"{path} is not built: run `dotnet build LiveStreamX.sln` (or ./test.sh) first.", path);
    }
}
