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
