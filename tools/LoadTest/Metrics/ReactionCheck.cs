namespace LiveStreamX.LoadTest.Metrics;

/// <summary>
/// Reactions the server acknowledged against what its mood grains counted exactly (<c>GET /api/streams/{id}/mood</c>):
/// lost when fewer were counted, doubled when more.
/// </summary>
public sealed record ReactionCheck(long Accepted, long Counted, long Lost, long Doubled);
