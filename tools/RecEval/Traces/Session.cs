namespace LiveStreamX.RecEval.Traces;

/// <summary>One line of a trace: a user watched a streamer's stream from tick <see cref="Start"/> to <see cref="Stop"/> (10-minute ticks, stop exclusive).</summary>
internal sealed record Session(string User, string Stream, string Streamer, int Start, int Stop);

/// <summary>What the trace does not say about a streamer but the content source reads; optional.</summary>
internal sealed record StreamerMeta(string Streamer, string Category, string[] Tags, string Title);

/// <summary>A streamer's broadcast from tick <see cref="Start"/> to <see cref="Stop"/>, watched or not; optional (generated traces have them).</summary>
internal sealed record Broadcast(string Streamer, string Stream, int Start, int Stop);

/// <summary>A line the reader could not use, with why.</summary>
internal sealed record TraceError(int Line, string Reason);

/// <summary>
/// A trace as read: its sessions in time order, the streamers' metadata and broadcasts when given, the lines left out.
/// Without broadcasts a streamer counts as live while someone watches (all the public Twitch trace allows).
/// </summary>
internal sealed record WatchTrace(IReadOnlyList<Session> Sessions, IReadOnlyDictionary<string, StreamerMeta> Streamers, IReadOnlyList<TraceError> Errors, int ErrorCount)
{
    public IReadOnlyList<Broadcast> Broadcasts { get; init; } = [];
}
