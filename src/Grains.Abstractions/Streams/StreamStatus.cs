namespace LiveStreamX.Streams;

/// <summary>Where a stream is in its life: scheduled → live → ended → archived, never back.</summary>
public enum StreamStatus
{
    Scheduled = 0,
    Live = 1,
    Ended = 2,
    Archived = 3,
}

/// <summary>The stream state machine, written once.</summary>
public static class StreamLifecycle
{
    /// <summary>True for the three forward moves, false for everything else.</summary>
    public static bool CanMove(StreamStatus from, StreamStatus to) => (from, to) switch
    {
        (StreamStatus.Scheduled, StreamStatus.Live) => true,
        (StreamStatus.Live, StreamStatus.Ended) => true,
        (StreamStatus.Ended, StreamStatus.Archived) => true,
        _ => false,
    };
}
