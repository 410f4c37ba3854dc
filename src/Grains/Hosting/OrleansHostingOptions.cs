using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using StackExchange.Redis;

namespace LiveStreamX.Grains.Hosting;

/// <summary>Where the cluster finds its members and keeps its state. Section <c>LSX:Orleans</c>.</summary>
public sealed class OrleansHostingOptions : IValidatableObject
{
    public const string Section = "LSX:Orleans";

    /// <summary>How silos find each other: <c>Localhost</c> (one machine, default) or <c>Redis</c>.</summary>
    public ClusteringKind Clustering { get; set; } = ClusteringKind.Localhost;

    /// <summary>Where grain state lives: <c>Memory</c> (lost on exit, default) or <c>Redis</c>.</summary>
    public StorageKind Storage { get; set; } = StorageKind.Memory;

    /// <summary>A StackExchange.Redis configuration string, for example <c>127.0.0.1:6379</c>.</summary>
    public string? RedisConnectionString { get; set; }

    [Required, RegularExpression("^[A-Za-z0-9_.-]{1,64}$")]
    public string ClusterId { get; set; } = "lsx-dev";

    [Required, RegularExpression("^[A-Za-z0-9_.-]{1,64}$")]
    public string ServiceId { get; set; } = "livestreamx";

    [Range(1, 65535)]
    public int SiloPort { get; set; } = 11111;

    /// <summary>The port Orleans clients (Api nodes in client mode) connect to.</summary>
    [Range(1, 65535)]
    public int GatewayPort { get; set; } = 30000;

    /// <summary>The address other silos and clients reach this silo at; empty picks this host's address.</summary>
    public string? AdvertisedAddress { get; set; }

    /// <summary>
    /// How long a silo waits for a membership probe's answer; a silo that misses <see cref="MissedProbesLimit"/>
    /// in a row is suspected and voted dead. Longer tolerates a loaded machine, shorter detects a crash sooner.
    /// </summary>
    [Range(1, 120)]
    public int ProbeTimeoutSeconds { get; set; } = 5;

    /// <summary>Missed probes after which a silo is suspected (Orleans' NumMissedProbesLimit).</summary>
    [Range(1, 10)]
    public int MissedProbesLimit { get; set; } = 3;

    /// <summary>
    /// The shortest reminder period grains may register (Orleans warns below 60 s). Tests lower it so the
    /// wallets' outbox reminder (<c>LSX:Wallets:OutboxRetrySeconds</c>) can fire within a test.
    /// </summary>
    [Range(1, 3600)]
    public int MinimumReminderPeriodSeconds { get; set; } = 60;

    /// <summary>How often an Api node in client mode re-reads the list of gateways from the membership table.</summary>
    [Range(1, 3600)]
    public int GatewayListRefreshSeconds { get; set; } = 30;

    /// <summary>
    /// How long an Api node in client mode waits for a grain call's answer before it fails the request with
    /// <c>unavailable</c>. A request that was on its way through a silo when it crashed gets no answer at all, so
    /// this bounds how long a client waits before it retries (Orleans' own default is 30 s).
    /// </summary>
    [Range(1, 300)]
    public int ResponseTimeoutSeconds { get; set; } = 15;

    /// <summary>
    /// How long a process keeps waiting at start, a silo for Redis and an Api node in client mode for the cluster
    /// (Redis and a gateway), before it gives up and exits (0: forever). Orleans does not retry its first
    /// membership call, so without this wait a process started while Redis is down would exit at once.
    /// </summary>
    [Range(0, 86_400)]
    public int StartupWaitSeconds { get; set; } = 300;

    /// <summary>
    /// How long a standalone silo may take to stop on SIGTERM (deactivating and saving its grains, leaving the
    /// cluster) before it exits anyway; with Redis gone the stop would otherwise wait on it for minutes.
    /// </summary>
    [Range(1, 3600)]
    public int ShutdownTimeoutSeconds { get; set; } = 30;

    /// <summary>Reads and validates the section; throws with what to fix.</summary>
    public static OrleansHostingOptions Read(IConfiguration configuration)
    {
        var options = configuration.GetSection(Section).Get<OrleansHostingOptions>() ?? new OrleansHostingOptions();
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
        {
            var problems = string.Join(Environment.NewLine, results.Select(r => "  - " + r.ErrorMessage));
            throw new InvalidOperationException($"The configuration section {Section} is not valid:{Environment.NewLine}{problems}");
        }

        return options;
    }

    /// <summary>The Redis client configuration for storage, clustering and reminders.</summary>
    public ConfigurationOptions RedisConfiguration()
    {
        var redis = ConfigurationOptions.Parse(RedisConnectionString ?? string.Empty);
        // Keep retrying through a Redis restart instead of failing at start.
        redis.AbortOnConnectFail = false;
        return redis;
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var needsRedis = Clustering == ClusteringKind.Redis || Storage == StorageKind.Redis;
        if (needsRedis && string.IsNullOrWhiteSpace(RedisConnectionString))
        {
            yield return new ValidationResult(
                $"{Section}:RedisConnectionString is required when Clustering or Storage is Redis: " +
                "set LSX__Orleans__RedisConnectionString, for example to 127.0.0.1:6379.",
                [nameof(RedisConnectionString)]);
        }
    }
}

public enum ClusteringKind
{
    Localhost,
    Redis,
}

public enum StorageKind
{
    Memory,
    Redis,
}
