namespace LiveStreamX.Api.Realtime;

/// <summary>
/// The payload of <c>stream:events</c>: consecutive events of one stream, oldest first, each exactly as it would
/// have been sent alone (typed <see cref="object"/> so each is written as its own event type).
/// </summary>
public sealed record StreamEventBatch(string StreamId, IReadOnlyList<object> Events);
