using LiveStreamX.Common;
using LiveStreamX.Grains.Hosting;
using LiveStreamX.Mood;
using LiveStreamX.Streams;
using LiveStreamX.Users;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiveStreamX.Grains.Mood;

/// <summary>
/// A stream's mood. Api nodes send batches (one per stream per 250 ms window), never single reactions; the grain
/// keeps decayed velocities and exact totals, and announces <c>mood:state</c> at most every 250 ms, only when the
/// dominant mood or the intensity changed noticeably.
/// </summary>
// Non-reentrant: batches and announcements take turns.
public sealed class MoodGrain(
    [PersistentState("mood", StorageNames.Default)] IPersistentState<MoodState> mood,
    IOptions<MoodOptions> moodOptions,
    [FromKeyedServices(GrainClock.Key)] TimeProvider time,
    IGrainContext grainContext,
    ILogger<MoodGrain> logger) : Grain, IMoodGrain
{
    // Totals are written behind (at most once a second); the theme switch at once.
    private readonly StoredState<MoodState> _mood = new(grainContext, mood, "mood", logger, "The mood could not be saved; try again.");
    private readonly MoodOptions _options = moodOptions.Value;
    private MoodVelocity _velocity = null!;
    private IGrainTimer? _timer;
    private MoodStateChanged? _announced;
    private DateTimeOffset _lastAnnounced;

    private IStreamGrain Stream => GrainFactory.Get<IStreamGrain>(this.GetPrimaryKeyString());

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _velocity = new MoodVelocity(_options.HalfLifeSeconds, _options.IntensityScale);
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        await _mood.FlushAsync(cancellationToken);
    }

    public async Task AddAsync(MoodBatch batch)
    {
        if (batch.Counts.Length != mood.State.Totals.Length || batch.Counts.Any(c => c < 0))
        {
            throw DomainException.InvalidInput("counts", "A batch has one non-negative count per mood.");
        }

        _velocity.Add(batch.Counts, time.GetUtcNow());
        var totals = mood.State.Totals.ToArray();
        for (var i = 0; i < totals.Length; i++)
        {
            totals[i] += batch.Counts[i];
        }

        mood.State = mood.State with { Totals = totals };
        _mood.Changed();
        EnsureTicking();

        // Challenges and highlight moments count reactions too: once per batch, never per reaction.
        await Stream.RecordReactionsAsync(batch.Counts.Sum());
        GrainFactory.Get<LiveStreamX.Analytics.IStreamAnalyticsGrain>(this.GetPrimaryKeyString()).RecordReactionsAsync(time.GetUtcNow(), batch.Counts).Ignore();
    }

    public Task<MoodSnapshot> GetAsync()
    {
        var rates = _velocity.Rates(time.GetUtcNow());
        return Task.FromResult(new MoodSnapshot(
            MoodVelocity.Dominant(rates),
            _velocity.Intensity(rates),
            ByName(rates),
            Enum.GetValues<MoodKind>().ToDictionary(Name, m => mood.State.Totals[(int)m]),
            mood.State.ThemeEnabled));
    }

    public async Task<MoodSnapshot> SetThemeAsync(Actor actor, bool enabled)
    {
        var stream = await Stream.GetAsync() ?? throw DomainException.NotFound($"There is no stream '{this.GetPrimaryKeyString()}'.");
        if (!actor.IsAdmin && actor.UserId != stream.CreatorId)
        {
            throw DomainException.Forbidden("Only the stream's creator changes its theme.");
        }

        await _mood.CommitAsync(mood.State with { ThemeEnabled = enabled });
        await AnnounceAsync(force: true);
        return await GetAsync();
    }

    private void EnsureTicking() =>
        _timer ??= this.RegisterGrainTimer(
            TickAsync,
            new GrainTimerCreationOptions
            {
                DueTime = TimeSpan.Zero,
                Period = TimeSpan.FromMilliseconds(_options.MinIntervalMilliseconds),
                KeepAlive = true,
            });

    // Runs while the mood is moving: announces changes (decay included).
    private async Task TickAsync(CancellationToken cancellationToken)
    {
        var quiet = await AnnounceAsync(force: false);
        if (quiet)
        {
            _timer?.Dispose();
            _timer = null;
        }
    }

    /// <summary>Announces the mood if it changed noticeably; true when it is quiet (nothing left to decay).</summary>
    private async Task<bool> AnnounceAsync(bool force)
    {
        var now = time.GetUtcNow();
        var rates = _velocity.Rates(now);
        var dominant = MoodVelocity.Dominant(rates);
        var intensity = Math.Round(_velocity.Intensity(rates), 3);
        var changed = _announced is null
            || _announced.Dominant != dominant
            || Math.Abs(_announced.Intensity - intensity) >= _options.NoticeableChange
            || (intensity == 0 && _announced.Intensity != 0);
        if ((force || changed) && (force || now - _lastAnnounced >= TimeSpan.FromMilliseconds(_options.MinIntervalMilliseconds)))
        {
            _lastAnnounced = now;
            _announced = new MoodStateChanged
            {
                StreamId = this.GetPrimaryKeyString(),
                Dominant = dominant,
                Intensity = intensity,
                Rates = ByName(rates),
                ThemeEnabled = mood.State.ThemeEnabled,
            };
            try
            {
                await Stream.AppendAsync(_announced);
            }
            catch (DomainException e) when (e.Code == ErrorCodes.NotFound)
            {
                // Reactions for a stream that does not exist change nothing anyone sees.
            }
        }

        return dominant is null && intensity == 0;
    }

    private static Dictionary<string, double> ByName(double[] rates) =>
        Enum.GetValues<MoodKind>().ToDictionary(Name, m => Math.Round(rates[(int)m], 2));

    private static string Name(MoodKind mood) => mood.ToString().ToLowerInvariant();
}
