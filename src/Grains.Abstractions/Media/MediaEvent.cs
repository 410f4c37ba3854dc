namespace LiveStreamX.Media;

/// <summary>The LiveKit webhook events LiveStreamX acts on; anything else is <see cref="Other"/>.</summary>
public enum MediaEventKind
{
    Other = 0,
    RoomStarted = 1,
    RoomFinished = 2,
    ParticipantJoined = 3,
    ParticipantLeft = 4,
    TrackPublished = 5,
    TrackUnpublished = 6,
    EgressStarted = 7,
    EgressEnded = 8,
}

/// <summary>
/// A LiveKit webhook event, its signature and body hash already verified by the Api node that received it.
/// <paramref name="Room"/> is the stream id; <paramref name="Recording"/> is set on an <c>egress_ended</c> whose
/// egress completed with a file.
/// </summary>
[GenerateSerializer, Immutable, Alias("lsx.MediaEvent")]
public sealed record MediaEvent(
    [property: Id(0)] string Id,
    [property: Id(1)] MediaEventKind Kind,
    [property: Id(2)] string Room,
    [property: Id(3)] string? ParticipantIdentity,
    [property: Id(4)] DateTimeOffset CreatedAt,
    [property: Id(5)] MediaRecording? Recording);

/// <summary>What became of a webhook event.</summary>
public enum MediaEventOutcome
{
    /// <summary>It changed the stream's media state (and maybe the stream).</summary>
    Applied = 0,

    /// <summary>An event with this id was applied before (LiveKit retried, or two nodes got it): nothing changed.</summary>
    Duplicate = 1,

    /// <summary>An event LiveStreamX does not act on (a viewer joining, say): nothing changed, nothing stored.</summary>
    Ignored = 2,
}

/// <summary>
/// A finished recording of a stream: where LiveKit's egress wrote it. <paramref name="Location"/> is the file's
/// location as the egress reports it (a URL for cloud uploads, else a path on the egress host).
/// </summary>
[GenerateSerializer, Immutable, Alias("lsx.MediaRecording")]
public sealed record MediaRecording(
    [property: Id(0)] string EgressId,
    [property: Id(1)] string Location,
    [property: Id(2)] string? Filename,
    [property: Id(3)] long DurationMs,
    [property: Id(4)] long SizeBytes,
    [property: Id(5)] DateTimeOffset? EndedAt);

/// <summary>
/// A stream's media state as LiveKit last reported it. <paramref name="GraceEndsAt"/> is set while the creator is away
/// from a live stream: when it ends unless they come back.
/// </summary>
[GenerateSerializer, Immutable, Alias("lsx.StreamMedia")]
public sealed record StreamMedia(
    [property: Id(0)] string StreamId,
    [property: Id(1)] bool CreatorPresent,
    [property: Id(2)] DateTimeOffset? GraceEndsAt,
    [property: Id(3)] MediaRecording? Recording,
    [property: Id(4)] int EventsApplied);

/// <summary>
/// The LiveKit participant identities LiveStreamX hands out, written once for the token issuer and the webhook
/// handler: the creator publishes as their user id; every viewer's identity is unique per token (two tabs of one
/// user must not push each other out of the room).
/// </summary>
public static class MediaIdentity
{
    private const char Separator = '~';

    /// <summary>The identity of a stream's creator: their user id.</summary>
    public static string Creator(string userId) => userId;

    /// <summary>A signed-in viewer's identity for one token.</summary>
    public static string Viewer(string userId) => userId + Separator + Suffix();

    /// <summary>An anonymous viewer's identity for one token.</summary>
    public static string Anonymous() => "anon" + Separator + Suffix();

    /// <summary>Whether a participant of the room is the stream's creator.</summary>
    public static bool IsCreator(string? identity, string creatorId) => identity is not null && identity == creatorId;

    private static string Suffix() => Guid.NewGuid().ToString("N")[..10];
}
