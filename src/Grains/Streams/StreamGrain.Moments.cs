using LiveStreamX.Common;
using LiveStreamX.Engagement;
using LiveStreamX.Users;

namespace LiveStreamX.Grains.Streams;

public sealed partial class StreamGrain
{
    private const int MomentsKept = 100;
    private const int MaxNote = 120;
    private static readonly TimeSpan MomentSpacing = TimeSpan.FromSeconds(30);

    // The baselines live in memory: after a move to another silo they rebuild over the next minute.
    private readonly SpikeDetector _reactionSpikes = new();
    private readonly SpikeDetector _giftSpikes = new();
    private readonly Dictionary<string, DateTimeOffset> _lastMarkedBy = [];
    private long _lastCheckedSecond = long.MinValue;
    private DateTimeOffset _lastAutoMoment = DateTimeOffset.MinValue;
    private IGrainTimer? _momentTimer;

    public async Task<Moment> MarkMomentAsync(Actor actor, string? note)
    {
        _ = Info;
        var now = time.GetUtcNow();
        var text = InputText.Strip(note);
        if (text is { Length: > MaxNote } || (text is null && note is not null))
        {
            throw DomainException.InvalidInput("note", $"A note is at most {MaxNote} characters of valid text.");
        }

        if (_lastMarkedBy.TryGetValue(actor.UserId, out var last) && now - last < MomentSpacing)
        {
            throw new DomainException(ErrorCodes.RateLimited, "One marked moment every 30 s.");
        }

        _lastMarkedBy[actor.UserId] = now;
        return await RecordMomentAsync(MomentKind.Manual, 1, text is not null && InputText.HasVisible(text) ? text : null);
    }

    public Task<IReadOnlyList<Moment>> GetMomentsAsync() => Task.FromResult<IReadOnlyList<Moment>>(_moments.State.Moments);

    /// <summary>Adds to a signal's current second and checks the seconds that have ended since the last check.</summary>
    private void RecordSignal(SpikeDetector detector, double amount)
    {
        detector.Add(time.GetUtcNow().ToUnixTimeSeconds(), amount);
        StartMomentTimer();
    }

    private void StartMomentTimer() =>
        _momentTimer ??= this.RegisterGrainTimer(
            _ => CheckMomentsAsync(),
            new GrainTimerCreationOptions { DueTime = TimeSpan.Zero, Period = TimeSpan.FromSeconds(1) });

    private async Task CheckMomentsAsync()
    {
        if (StreamStore.State.Info is not { Status: LiveStreamX.Streams.StreamStatus.Live })
        {
            _momentTimer?.Dispose();
            _momentTimer = null;
            return;
        }

        var current = time.GetUtcNow().ToUnixTimeSeconds();
        var from = Math.Max(_lastCheckedSecond + 1, current - 5);
        for (var second = from; second < current; second++)
        {
            var reactions = _reactionSpikes.Check(second);
            var gifts = _giftSpikes.Check(second);
            if ((reactions ?? gifts) is { } z && time.GetUtcNow() - _lastAutoMoment >= MomentSpacing)
            {
                _lastAutoMoment = time.GetUtcNow();
                await RecordMomentAsync(reactions is not null ? MomentKind.Reactions : MomentKind.Gifts, z, note: null);
            }
        }

        _lastCheckedSecond = Math.Max(_lastCheckedSecond, current - 1);
    }

    private async Task<Moment> RecordMomentAsync(MomentKind kind, double intensity, string? note)
    {
        var moment = new Moment($"{Id}.{_moments.State.MomentCount + 1}", Id, time.GetUtcNow(), kind, intensity, note, _seq);
        await PublishAsync(
            new MomentDetected { StreamId = Id, Moment = moment },
            _ => _moments.CommitAsync(new StreamMomentsState
            {
                Moments = [moment, .. _moments.State.Moments.Take(MomentsKept - 1)],
                MomentCount = _moments.State.MomentCount + 1,
            }));
        return moment;
    }
}
