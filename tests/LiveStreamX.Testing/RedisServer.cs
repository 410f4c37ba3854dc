using System.Diagnostics;
using StackExchange.Redis;

namespace LiveStreamX.Testing;

/// <summary>
/// A real redis-server on a free loopback port, started for the tests and stopped after them. Needs the
/// <c>redis-server</c> binary (test.sh installs it through apt).
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("lsx-redis-").FullName;
    private Process? _process;

    public int Port { get; } = FreePort.Next();

    public string ConnectionString => $"127.0.0.1:{Port}";

    /// <summary>The settings of an Api node (embedded silo) that keeps its state and cluster in this Redis, in a cluster of its own.</summary>
    public Dictionary<string, string?> ApiNodeSettings(string? signingKey) => new()
    {
        ["LSX:Orleans:Storage"] = "Redis",
        ["LSX:Orleans:Clustering"] = "Redis",
        ["LSX:Orleans:RedisConnectionString"] = ConnectionString,
        ["LSX:Orleans:ClusterId"] = TestIds.Cluster(),
        ["LSX:Orleans:ServiceId"] = TestIds.Cluster(),
        ["LSX:Orleans:AdvertisedAddress"] = "127.0.0.1",
        ["LSX:Auth:SigningKey"] = signingKey ?? string.Empty,
    };

    public static async Task<RedisServer> StartAsync()
    {
        var server = new RedisServer();
        await server.StartProcessAsync();
        return server;
    }

    /// <summary>Stops the server the hard way and starts it again on the same port, with what it had saved.</summary>
    public async Task RestartAsync()
    {
        Kill();
        await StartProcessAsync();
    }

    public void Kill()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process?.Dispose();
        _process = null;
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }

        return ValueTask.CompletedTask;
    }

    private async Task StartProcessAsync()
    {
        var start = new ProcessStartInfo(FindBinary())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _directory,
        };
        foreach (var arg in new[] { "--port", Port.ToString(), "--bind", "127.0.0.1", "--dir", _directory, "--appendonly", "yes", "--appendfsync", "no", "--save", "" })
        {
            start.ArgumentList.Add(arg);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var cts = new CancellationTokenSource(Timeouts.Default);
        while (true)
        {
            try
            {
                await using var redis = await ConnectionMultiplexer.ConnectAsync(new ConfigurationOptions
                {
                    EndPoints = { ConnectionString },
                    ConnectTimeout = 1000,
                    AbortOnConnectFail = true,
                });
                await redis.GetDatabase().PingAsync();
                return;
            }
            catch (RedisConnectionException) when (!cts.IsCancellationRequested && !_process.HasExited)
            {
                await Task.Delay(100);
            }
        }
    }

    private static string FindBinary()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':').Append("/usr/bin").Append("/usr/local/bin"))
        {
            var path = Path.Combine(dir, "redis-server");
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new InvalidOperationException("redis-server is not installed: run ./test.sh (it installs it), or apt-get install redis-server.");
    }
}
