namespace LiveStreamX.Grains.Hosting;

/// <summary>
/// The clock grains read, a keyed <see cref="TimeProvider"/>: tests replace it with a fake without stopping the
/// clock Orleans itself runs on (timers, membership, streams), which is the unkeyed one.
/// </summary>
public static class GrainClock
{
    public const string Key = "lsx.clock";
}
