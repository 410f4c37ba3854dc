using System.Diagnostics;

namespace LiveStreamX.Testing;

/// <summary>
/// A folder of npm packages beside the test binaries (a real peer the tests run under Node), installed with
/// <c>npm ci</c> on first use, so a fresh machine needs only Node and npm.
/// </summary>
internal static class NpmFolder
{
    private static readonly SemaphoreSlim InstallGate = new(1, 1);

    /// <summary>The folder <paramref name="name"/> next to the test binaries, with <paramref name="package"/> installed.</summary>
    public static async Task<string> EnsureAsync(string name, string package)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, name);
        await InstallGate.WaitAsync();
        try
        {
            if (Directory.Exists(Path.Combine(folder, "node_modules", package)))
            {
                return folder;
            }

            var start = new ProcessStartInfo("npm") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var arg in new[] { "ci", "--no-audit", "--no-fund" })
            {
                start.ArgumentList.Add(arg);
            }

            using var npm = Process.Start(start) ?? throw new InvalidOperationException("npm did not start.");
            var stderr = npm.StandardError.ReadToEndAsync();
            _ = npm.StandardOutput.ReadToEndAsync();
            using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            await npm.WaitForExitAsync(cts.Token);
            if (npm.ExitCode != 0)
            {
                throw new InvalidOperationException($"npm ci in {folder} failed: {await stderr}");
            }

            return folder;
        }
        finally
        {
            InstallGate.Release();
        }
    }
}
