namespace LiveStreamX.Cluster.Tests;

/// <summary>
/// One collection for every test here: each starts a whole cluster of processes, and two at once would starve
/// each other on a 2-core machine.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ClusterCollection
{
    public const string Name = "processes";
}
