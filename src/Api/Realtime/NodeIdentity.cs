namespace LiveStreamX.Api.Realtime;

/// <summary>This Api node's id in viewer counts: unique per process, so a restarted node never counts twice.</summary>
public sealed class NodeIdentity
{
    public string Id { get; } = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}";
}
