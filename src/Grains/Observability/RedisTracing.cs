using OpenTelemetry.Instrumentation.StackExchangeRedis;
using OpenTelemetry.Trace;
using StackExchange.Redis;

namespace LiveStreamX.Grains.Observability;

/// <summary>
/// Hands the Redis connections Orleans' providers open themselves to the Redis instrumentation, which only traces
/// the connections it is given.
/// </summary>
public sealed class RedisTracing(IServiceProvider services)
{
    private readonly Lock _lock = new();
    private readonly List<(string Name, IConnectionMultiplexer Connection)> _pending = [];
    private StackExchangeRedisInstrumentation? _instrumentation;

    /// <summary>Traces <paramref name="connection"/> (opened for <paramref name="name"/>) from now on.</summary>
    public void Add(string name, IConnectionMultiplexer connection)
    {
        // Building the tracer provider attaches the instrumentation when the silo starts before it.
        _ = services.GetService(typeof(TracerProvider));
        lock (_lock)
        {
            if (_instrumentation is null)
            {
                _pending.Add((name, connection));
                return;
            }
        }

        _instrumentation.AddConnection(name, connection);
    }

    internal void Attach(StackExchangeRedisInstrumentation instrumentation)
    {
        List<(string Name, IConnectionMultiplexer Connection)> pending;
        lock (_lock)
        {
            _instrumentation = instrumentation;
            pending = [.. _pending];
            _pending.Clear();
        }

        foreach (var (name, connection) in pending)
        {
            instrumentation.AddConnection(name, connection);
        }
    }
}
