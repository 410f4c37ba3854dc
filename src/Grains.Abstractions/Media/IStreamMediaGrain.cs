namespace LiveStreamX.Media;

/// <summary>
/// A stream's live media as LiveKit reports it through webhooks: whether the creator is in the room, the grace period
/// after they left, the recording (egress) and the webhook events already applied. Key: the stream id, which is the
/// LiveKit room's name. It moves the stream along its lifecycle through the stream grain; the stream grain never
/// calls it.
/// </summary>
[Alias("lsx.IStreamMediaGrain")]
public interface IStreamMediaGrain : IGrainWithStringKey
{
    /// <summary>
    /// Applies a verified LiveKit webhook event of this room once by its id, whichever Api node hands it over;
    /// <c>not_found</c> when no stream has this id (nothing is stored then).
    /// </summary>
    [Alias("Apply")]
    Task<MediaEventOutcome> ApplyAsync(MediaEvent e);

    /// <summary>The stream's media state (never null: a stream LiveKit never reported has an empty one). A pure read.</summary>
    [Alias("Get"), Orleans.Concurrency.AlwaysInterleave]
    Task<StreamMedia> GetAsync();

    /// <summary>The stream's recording (LiveKit egress output), or null while there is none. A pure read.</summary>
    [Alias("GetRecording"), Orleans.Concurrency.AlwaysInterleave]
    Task<MediaRecording?> GetRecordingAsync();
}
