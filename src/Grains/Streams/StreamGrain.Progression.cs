using LiveStreamX.Common;
using LiveStreamX.Leaderboards;
using LiveStreamX.Progression;
using LiveStreamX.Streams;

namespace LiveStreamX.Grains.Streams;

public sealed partial class StreamGrain
{
    // What the creator's progression counts when the stream ends; kept per activation (a move loses a share).
    private int _peakViewers;
    private int _firstJoins;
    private long _engagementReceived;

    /// <summary>Tells the creator's and the top gifters' progression what this stream was worth, without waiting.</summary>
    private async Task CreditCreatorAsync(StreamInfo ended)
    {
        var hours = ended.StartedAt is { } started && ended.EndedAt is { } end ? (end - started).TotalHours : 0;
        await GrainFactory.Get<IProgressionGrain>(ended.CreatorId)
            .TrackCreatorAsync(new CreatorActivity(hours, _firstJoins, 0, _engagementReceived, _peakViewers));
        await GrainFactory.Get<ILeaderboardRecorderGrain>(0).RecordAsync(BoardCategories.CreatorEngagement, ended.CreatorId, _engagementReceived);
        foreach (var gifter in GiftStatsNow().TopGifters.Take(3))
        {
            await GrainFactory.Get<IProgressionGrain>(gifter.UserId).TrackTopGifterAsync();
        }
    }
}
