using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace LiveStreamX.Cluster.Tests.Processes;

/// <summary>
/// One real process of the cluster (a silo or an Api node): <c>dotnet the.dll</c> with its own environment and
/// loopback ports. Keeps its console output, can be killed (<c>kill -9</c>) or asked to stop (<c>SIGTERM</c>).
/// </summary>
public sealed class NodeProcess : IAsyncDisposable
{
    private const int KeptLines = 4000;

    private readonly Process _process;
    private readonly LinkedList<string> _lines = new();

    private NodeProcess(string name, Process process, Uri http)
    {
        Name = name;
        _process = process;
        Http = http;
    }

    public string Name { get; }

    /// <summary>The node's HTTP address (Api, or the silo's /healthz).</summary>
    public Uri Http { get; }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public static NodeProcess Start(string name, string assembly, Uri http, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
        };
        start.ArgumentList.Add(assembly);
        start.Environment["ASPNETCORE_URLS"] = http.ToString().TrimEnd('/');
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        // One line per log entry with a timestamp: the test reads them and prints them when it fails.
        start.Environment["Logging__Console__FormatterName"] = "simple";
        start.Environment["Logging__Console__FormatterOptions__SingleLine"] = "true";
        start.Environment["Logging__Console__FormatterOptions__TimestampFormat"] = "HH:mm:ss.fff ";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"{name} did not start.");
        var node = new NodeProcess(name, process, http);
        process.OutputDataReceived += (_, e) => node.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => node.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return node;
    }

    /// <summary>The output so far.</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    /// <summary>Polls <paramref name="path"/> until it answers 200; fails at once if the process exits.</summary>
    public async Task WaitUntilAnswersAsync(string path, TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = Http, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with {_process.ExitCode} before {path} answered:{Environment.NewLine}{Tail(40)}");
            }

            try
            {
                using var response = await http.GetAsync(path);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
            }

            if (deadline.Elapsed > timeout)
            {
                throw new TimeoutException($"{Name}: {path} did not answer 200 within {timeout.TotalSeconds} s:{Environment.NewLine}{Tail(40)}");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Waits for a line of output that matches <paramref name="pattern"/>, and returns it.</summary>
    public async Task<string> WaitForLineAsync(Regex pattern, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var match = Lines.FirstOrDefault(pattern.IsMatch);
            if (match is not null)
            {
                return match;
            }

            if (deadline.Elapsed > timeout)
            {
                throw new TimeoutException($"{Name} wrote no line matching '{pattern}' within {timeout.TotalSeconds} s:{Environment.NewLine}{Tail(40)}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>The hard way, as a crash or <c>kill -9</c>: no shutdown code runs.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
    }

    /// <summary>Sends SIGTERM, what an orchestrator sends to stop a container or a service.</summary>
    public void Terminate()
    {
        // Process has no SIGTERM of its own; libc's kill(2) needs no kill binary on the machine.
        if (SendSignal(_process.Id, SigTerm) != 0)
        {
            throw new InvalidOperationException($"kill -TERM {_process.Id} failed: errno {Marshal.GetLastPInvokeError()}.");
        }
    }

    private const int SigTerm = 15;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);

    public async Task WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"{Name} did not exit within {timeout.TotalSeconds} s:{Environment.NewLine}{Tail(40)}");
        }
    }

    /// <summary>The last lines of output, for a failure message.</summary>
    public string Tail(int count)
    {
        var lines = Lines;
        return string.Join(Environment.NewLine, lines.Skip(Math.Max(0, lines.Count - count)).Select(l => $"  [{Name}] {l}"));
    }

    public ValueTask DisposeAsync()
    {
        try
        {
            Kill();
        }
        catch (InvalidOperationException)
        {
        }

        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lines)
        {
            _lines.AddLast(line);
            if (_lines.Count > KeptLines)
            {
                _lines.RemoveFirst();
            }
        }
    }
}
