using LiveStreamX.Leaderboards;

namespace LiveStreamX.Grains.Streams;

public sealed partial class StreamGrain
{
    private const long BoardIntervalMilliseconds = 1000;
    private IGrainTimer? _boardTimer;
    private bool _boardChanged;
    private long _boardAnnouncedAt = long.MinValue / 2;

    /// <summary>Announces the stream's top gifters at most once a second, soon after they change.</summary>
    private void ScheduleBoardUpdate()
    {
        _boardChanged = true;
        if (_boardTimer is not null)
        {
            return;
        }

        var due = _boardAnnouncedAt + BoardIntervalMilliseconds - Environment.TickCount64;
        _boardTimer = this.RegisterGrainTimer(
            AnnounceBoardAsync,
            new GrainTimerCreationOptions { DueTime = TimeSpan.FromMilliseconds(Math.Max(0, due)), Period = Timeout.InfiniteTimeSpan });
    }

    private async Task AnnounceBoardAsync(CancellationToken cancellationToken)
    {
        _boardTimer?.Dispose();
        _boardTimer = null;
        if (!_boardChanged)
        {
            return;
        }

        _boardChanged = false;
        _boardAnnouncedAt = Environment.TickCount64;
        await PublishAsync(new LeaderboardUpdated
        {
            StreamId = Id,
            Board = BoardCategories.Gifters,
            Entries = GiftStatsNow().TopGifters.Select(g => new BoardEntry(g.UserId, g.Handle, g.Tokens)).ToArray(),
        });
    }
}
