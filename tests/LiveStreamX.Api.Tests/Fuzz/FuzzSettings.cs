using System.Globalization;

namespace LiveStreamX.Api.Tests.Fuzz;

/// <summary>
/// How much to fuzz. The normal run takes a few hundred cases per operation; <c>LSX_FUZZ_LONG=1</c> takes
/// thousands. <c>LSX_FUZZ_SEED</c> replays a run (a failure prints its seed), <c>LSX_FUZZ_CASES</c> sets the cases
/// per operation and <c>LSX_FUZZ_OP</c> keeps only the operations whose name contains it.
/// </summary>
internal static class FuzzSettings
{
    public static readonly int Seed = Read("LSX_FUZZ_SEED") ?? Random.Shared.Next();

    public static readonly int CasesPerOperation = Read("LSX_FUZZ_CASES") ?? (Environment.GetEnvironmentVariable("LSX_FUZZ_LONG") == "1" ? 3000 : 200);

    public static readonly string? Only = Environment.GetEnvironmentVariable("LSX_FUZZ_OP");

    /// <summary>The generator of one operation: the same seed and name give the same cases, whatever else runs.</summary>
    public static Random For(string operation)
    {
        var hash = 2166136261u;
        foreach (var c in operation)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return new Random(Seed ^ (int)hash);
    }

    public static string Replay(string operation) => $"LSX_FUZZ_SEED={Seed} LSX_FUZZ_CASES={CasesPerOperation} LSX_FUZZ_OP='{operation}'";

    private static int? Read(string name) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
}
