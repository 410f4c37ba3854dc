using System.Net.Http.Headers;
using LiveStreamX.Api.Identity;
using LiveStreamX.Users;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace LiveStreamX.Cluster.Tests.Processes;

/// <summary>
/// A whole cluster of real processes on loopback, as scripts/cluster.sh runs it: a redis-server with AOF, silos
/// (src/Silo) and Api nodes in client mode, each on its own free ports, with a random cluster and service id.
/// Disposing it stops every process it started, whatever happened in the test.
/// </summary>
public sealed class LocalCluster : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly ITestOutputHelper _output;
    private readonly Dictionary<string, string> _settings;
    private readonly List<NodeProcess> _all = [];
    private int _silosStarted;
    private int _apisStarted;

    private LocalCluster(ITestOutputHelper output, RedisServer redis, IReadOnlyDictionary<string, string>? settings)
    {
        _output = output;
        Redis = redis;
        SigningKey = "cluster-test-key-" + Guid.NewGuid().ToString("N");
        _settings = new Dictionary<string, string>
        {
            ["LSX__Orleans__Clustering"] = "Redis",
            ["LSX__Orleans__Storage"] = "Redis",
            ["LSX__Orleans__RedisConnectionString"] = redis.ConnectionString,
            ["LSX__Orleans__ClusterId"] = TestIds.Cluster(),
            ["LSX__Orleans__ServiceId"] = TestIds.Cluster(),
            ["LSX__Orleans__AdvertisedAddress"] = "127.0.0.1",
            // Failure detection within seconds, yet tolerant of a busy 2-core machine: 3 s probes, 2 missed.
            ["LSX__Orleans__ProbeTimeoutSeconds"] = "3",
            ["LSX__Orleans__MissedProbesLimit"] = "2",
            ["LSX__Orleans__GatewayListRefreshSeconds"] = "2",
            // A request lost with a crashed silo fails after 8 s (unavailable) and is retried.
            ["LSX__Orleans__ResponseTimeoutSeconds"] = "8",
            // The wallets' outbox reminder fires every 3 s, so undelivered gifts heal within the test.
            ["LSX__Orleans__MinimumReminderPeriodSeconds"] = "1",
            ["LSX__Wallets__OutboxRetrySeconds"] = "3",
            ["LSX__Wallets__GiftsPerSecond"] = "1000",
            ["LSX__Wallets__TokensPerMinute"] = "100000000",
            ["LSX__Api__Mode"] = "Client",
            ["LSX__Api__DemoData"] = "false",
            ["LSX__Auth__SigningKey"] = SigningKey,
            // The scenarios sign viewers in by handle; dev-login is off by default in client mode.
            ["LSX__Auth__DevLogin"] = "true",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__LiveStreamX"] = "Information",
            ["DOTNET_gcServer"] = "0",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            _settings[key] = value;
        }
    }

    public RedisServer Redis { get; }

    public string SigningKey { get; }

    public List<NodeProcess> Silos { get; } = [];

    public List<NodeProcess> Apis { get; } = [];

    /// <summary>Starts Redis, then the silos together, then the Api nodes together, and waits until all answer.</summary>
    public static async Task<LocalCluster> StartAsync(ITestOutputHelper output, int silos = 3, int apis = 2, IReadOnlyDictionary<string, string>? settings = null)
    {
        var cluster = new LocalCluster(output, await RedisServer.StartAsync(), settings);
        try
        {
            await Task.WhenAll(Enumerable.Range(0, silos).Select(_ => cluster.StartSiloAsync()));
            await Task.WhenAll(Enumerable.Range(0, apis).Select(_ => cluster.StartApiAsync()));
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts one more silo and waits until it has joined (its /healthz answers once it has).</summary>
    public async Task<NodeProcess> StartSiloAsync(bool wait = true)
    {
        var index = Interlocked.Increment(ref _silosStarted);
        var environment = new Dictionary<string, string>(_settings)
        {
            ["LSX__Orleans__SiloPort"] = FreePort.Next().ToString(),
            ["LSX__Orleans__GatewayPort"] = FreePort.Next().ToString(),
        };
        var silo = Start($"silo{index}", Builds.Silo, environment);
        lock (Silos)
        {
            Silos.Add(silo);
        }

        if (wait)
        {
            await silo.WaitUntilAnswersAsync("/healthz", StartTimeout);
        }

        return silo;
    }

    /// <summary>Starts one more Api node in client mode and waits until it is ready (/readyz: the cluster answers).</summary>
    public async Task<NodeProcess> StartApiAsync(bool wait = true)
    {
        var index = Interlocked.Increment(ref _apisStarted);
        var api = Start($"api{index}", Builds.Api, _settings);
        lock (Apis)
        {
            Apis.Add(api);
        }

        if (wait)
        {
            await api.WaitUntilAnswersAsync("/readyz", StartTimeout);
        }

        return api;
    }

    /// <summary>An admin token signed with the cluster's key (dev-login never makes admins).</summary>
    public TestUser Admin()
    {
        var auth = Options.Create(new AuthOptions { SigningKey = SigningKey });
        var issuer = new JwtTokenIssuer(SigningKeyRing.FromSettings(auth.Value), auth, TimeProvider.System);
        var profile = new UserProfile("u_admin_" + Guid.NewGuid().ToString("N")[..8], "admin_" + Guid.NewGuid().ToString("N")[..6], Role.Admin, DateTimeOffset.UtcNow);
        return new TestUser(profile.Id, profile.Handle, issuer.Issue(profile).Token);
    }

    public static HttpClient Http(Uri baseAddress, string? token = null)
    {
        var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(40) };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    /// <summary>Prints the last lines of every process; call it when a test fails.</summary>
    public void PrintLogs(int lines = 60)
    {
        foreach (var node in _all)
        {
            _output.WriteLine($"--- {node.Name} (pid {node.Pid}{(node.HasExited ? $", exited {node.ExitCode}" : string.Empty)})");
            _output.WriteLine(node.Tail(lines));
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Environment.GetEnvironmentVariable("LSX_CLUSTER_LOGS") == "1")
        {
            PrintLogs(400);
        }

        List<NodeProcess> all;
        lock (_all)
        {
            all = [.. _all];
        }

        foreach (var node in all)
        {
            await node.DisposeAsync();
        }

        await Redis.DisposeAsync();
    }

    private NodeProcess Start(string name, string assembly, IReadOnlyDictionary<string, string> environment)
    {
        var node = NodeProcess.Start(name, assembly, new Uri($"http://127.0.0.1:{FreePort.Next()}"), environment);
        lock (_all)
        {
            _all.Add(node);
        }

        return node;
    }
}
