using System.Diagnostics;
using System.Text;

namespace LiveStreamX.Testing;

/// <summary>
/// A Node server of the tests, run from its own npm folder next to the test binaries (Oidc/, Azurite/): the folder's
/// packages are installed on first use (<c>npm ci</c>), so a fresh machine needs only Node and npm.
/// </summary>
internal sealed class NodeServer : IAsyncDisposable
{
    private readonly Process _process;

    private NodeServer(Process process) => _process = process;

    /// <summary>Installs <paramref name="folder"/>'s packages unless <paramref name="package"/> is there, runs node with <paramref name="args"/> and waits for a line starting with <paramref name="readyLine"/>.</summary>
    public static async Task<NodeServer> StartAsync(string folder, string package, string readyLine, params string[] args)
    {
        folder = await NpmFolder.EnsureAsync(folder, package);
        var start = new ProcessStartInfo("node") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new StringBuilder();
        var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        var server = new NodeServer(process);
        process.OutputDataReceived += (_, e) =>
        {
            lock (output)
            {
                output.AppendLine(e.Data);
            }

            if (e.Data?.StartsWith(readyLine, StringComparison.Ordinal) == true)
            {
                ready.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            lock (output)
            {
                output.AppendLine(e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await ready.Task.WaitAsync(Timeouts.Default);
        }
        catch (TimeoutException)
        {
            await server.DisposeAsync();
            throw new InvalidOperationException($"The test server in {folder} did not start:\n{output}");
        }

        return server;
    }

    public ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process.Dispose();
        return ValueTask.CompletedTask;
    }
}

