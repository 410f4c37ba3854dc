using System.Diagnostics;

namespace LiveStreamX.Testing;

/// <summary>Installs a test folder's npm packages (<c>npm ci</c>) on first use, one install at a time.</summary>
public static class NpmFolder
{
    private static readonly SemaphoreSlim InstallGate = new(1, 1);

    /// <summary>Runs <c>npm ci</c> in <paramref name="folder"/> unless <paramref name="package"/> is installed there.</summary>
    public static async Task InstallAsync(string folder, string package)
    {
        await InstallGate.WaitAsync();
        try
        {
            if (Directory.Exists(Path.Combine(folder, "node_modules", package)))
            {
                return;
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
        }
        finally
        {
            InstallGate.Release();
        }
    }
}
