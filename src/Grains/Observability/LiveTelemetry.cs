using System.Diagnostics;

namespace LiveStreamX.Grains.Observability;

/// <summary>The product's own activity source: one span per hub invocation, named after its hub method.</summary>
public static class LiveTelemetry
{
    public const string SourceName = "LiveStreamX";

    public static readonly ActivitySource Source = new(SourceName);
}
