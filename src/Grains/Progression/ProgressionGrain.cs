using LiveStreamX.Chat;
using LiveStreamX.Common;
using LiveStreamX.Discovery;
using LiveStreamX.Grains.Discovery;
using LiveStreamX.Grains.Hosting;
using LiveStreamX.Grains.Leaderboards;
using LiveStreamX.Leaderboards;
using LiveStreamX.Progression;
using LiveStreamX.Streams;
using LiveStreamX.Users;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LiveStreamX.Grains.Progression;

/// <summary>
/// A user's XP, level and badges, by the rules in <see cref="XpRules"/> and <see cref="Badges"/>. Other grains
/// notify it one-way; the only call it makes is to check a stream is live for watch time. Changes are written at
/// most once a second.
/// </summary>
// Non-reentrant: caps and diminishing returns are counted one activity at a time.
public sealed class ProgressionGrain(
    [PersistentState("progression", StorageNames.Default)] IPersistentState<ProgressionState> progression,
    [FromKeyedServices(GrainClock.Key)] TimeProvider time,
    LeaderboardScoreBuffer scores,
    ILogger<ProgressionGrain> logger) : Grain, IProgressionGrain
{
    private StoredState<ProgressionState>? _save;

    private StoredState<ProgressionState> Save =>
        _save ??= new(GrainContext, progression, "progression", logger, "Progress could not be saved; try again.");

    private string UserId => this.GetPrimaryKeyString();

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) =>
        Save.FlushAsync(cancellationToken);

    public async Task<ProgressChange> RecordAsync(XpActivity activity)
    {
        if (activity.Source == XpSource.Watch)
        {
            var stream = StreamNames.IsValidId(activity.StreamId) ? await GrainFactory.Get<IStreamGrain>(activity.StreamId).GetAsync() : null;
            if (stream is not { Status: StreamStatus.Live })
            {
                return Unchanged();
            }

        }

        // Every activity is also a discovery signal (a watch heartbeat, only on a live stream, also the creator's
        // analytics), whatever XP the caps allow: handed to the one forwarding point, one way, so neither the viewer
        // nor this grain waits for it.
        GrainFactory.Get<IDiscoverySignalsGrain>(0).RecordAsync(DiscoverySignals.Of(this.GetPrimaryKeyString(), activity, time.GetUtcNow())).Ignore();

        return await ApplyAsync(activity);
    }

    public async Task TrackAsync(XpActivity activity) => await RecordAsync(activity);

    public async Task TrackCreatorAsync(CreatorActivity activity)
    {
        var stats = progression.State.Stats with
        {
            HoursStreamed = progression.State.Stats.HoursStreamed + activity.HoursStreamed,
            TokensReceived = progression.State.Stats.TokensReceived + activity.TokensReceived,
            PeakViewers = Math.Max(progression.State.Stats.PeakViewers, activity.PeakViewers),
        };
        await SaveAsync(0, progression.State with { Stats = stats, CreatorXp = progression.State.CreatorXp + XpRules.CreatorXp(activity) });
    }

    public async Task TrackTopGifterAsync() =>
        await SaveAsync(0, progression.State with { Stats = progression.State.Stats with { TopThreeGifter = progression.State.Stats.TopThreeGifter + 1 } });

    public Task<Progress> GetAsync() => Task.FromResult(ProgressOf(progression.State));

    private async Task<ProgressChange> ApplyAsync(XpActivity activity)
    {
        var now = time.GetUtcNow();
        var state = Prune(progression.State, now);
        var stats = state.Stats;
        long counted = activity.Amount;
        switch (activity.Source)
        {
            case XpSource.Watch:
                if (now - state.LastWatch < XpRules.WatchInterval)
                {
                    return Unchanged();
                }

                var today = DateOnly.FromDateTime(now.UtcDateTime);
                stats = stats with
                {
                    WatchHeartbeats = stats.WatchHeartbeats + 1,
                    NightHeartbeats = stats.NightHeartbeats + (now.UtcDateTime.Hour < 5 ? 1 : 0),
                    WatchStreakDays = stats.LastWatchDay == today ? stats.WatchStreakDays
                        : stats.LastWatchDay == today.AddDays(-1) ? stats.WatchStreakDays + 1 : 1,
                    LastWatchDay = today,
                };
                state = state with { LastWatch = now };
                break;
            case XpSource.ChatMessage:
                counted = Capped(ref state, activity, XpRules.ChatPerMinuteCap, now);
                stats = stats with { ChatMessages = stats.ChatMessages + activity.Amount };
                break;
            case XpSource.Reaction:
                counted = Capped(ref state, activity, XpRules.ReactionsPerMinuteCap, now);
                stats = stats with { Reactions = stats.Reactions + activity.Amount };
                break;
            case XpSource.PollVote:
                stats = stats with { PollVotes = stats.PollVotes + 1 };
                break;
            case XpSource.Question:
                stats = stats with { Questions = stats.Questions + 1 };
                break;
            case XpSource.Gift:
                stats = stats with { GiftsSent = stats.GiftsSent + 1, TokensGifted = stats.TokensGifted + activity.Amount };
                break;
        }

        var raw = counted > 0 ? XpRules.Base(activity.Source, counted) : 0;
        long award;
        if (activity.Source == XpSource.Gift)
        {
            // Paid for: gifts count in full.
            award = raw;
        }
        else
        {
            var hour = $"{activity.StreamId}|{now.ToUnixTimeSeconds() / 3600}";
            var before = state.HourlyRaw.GetValueOrDefault(hour);
            award = XpRules.Award(before, raw);
            state = state with { HourlyRaw = new Dictionary<string, double>(state.HourlyRaw) { [hour] = before + raw } };
        }

        return await SaveAsync(award, state with { Stats = stats }, activity.StreamId);
    }

    private static long Capped(ref ProgressionState state, XpActivity activity, int cap, DateTimeOffset now)
    {
        var minute = $"{activity.Source}|{now.ToUnixTimeSeconds() / 60}";
        var used = state.PerMinute.GetValueOrDefault(minute);
        var counted = Math.Max(0, Math.Min(activity.Amount, cap - used));
        state = state with { PerMinute = new Dictionary<string, long>(state.PerMinute) { [minute] = used + activity.Amount } };
        return counted;
    }

    private async Task<ProgressChange> SaveAsync(long award, ProgressionState state, string? streamId = null)
    {
        var before = XpRules.LevelOf(progression.State.Xp);
        state = state with { Xp = state.Xp + award };
        var earned = Badges.NewlyEarned(state.Stats, state.Badges);
        state = state with { Badges = [.. state.Badges, .. earned.Select(b => b.Code)] };
        progression.State = state;
        // Written at most once a second (and on deactivation): XP is engagement, not money, so a silo crash costs
        // at most a second of it, and an active user costs one write a second, not one per chat line or gift.
        Save.Changed();
        scores.Add(BoardCategories.Engaged, UserId, award);

        var after = XpRules.LevelOf(state.Xp);
        var change = new ProgressChange(award, after > before ? after : null, [.. earned.Select(b => b.Code)], ProgressOf(state));
        if (after != before || earned.Count > 0)
        {
            // One-way: the user grain may be waiting on this grain (a chat message's XP).
            await GrainFactory.Get<IUserGrain>(UserId).SetFlairAsync(new ChatFlair(after, [.. state.Badges.TakeLast(3)]));
        }

        await AnnounceAsync(change, streamId, milestone: after / 5 > before / 5);
        return change;
    }

    /// <summary>Tells the user (on every connection) about a new level or badge; passing a multiple of 5 also tells the stream's chat.</summary>
    private async Task AnnounceAsync(ProgressChange change, string? streamId, bool milestone)
    {
        if (change.LevelReached is null && change.BadgesEarned.Count == 0)
        {
            return;
        }

        var now = time.GetUtcNow();
        var events = GrainFactory.Get<IUserEventsGrain>(UserId);
        try
        {
            if (change.LevelReached is { } level)
            {
                await events.PublishAsync(new LevelUp { UserId = UserId, At = now, Level = level, Xp = change.Progress.Xp, XpForNextLevel = change.Progress.XpForNextLevel });
                if (milestone && streamId is not null && StreamNames.IsValidId(streamId))
                {
                    var handle = (await GrainFactory.Get<IUserGrain>(UserId).GetProfileAsync())?.Handle ?? "A viewer";
                    await GrainFactory.Get<IStreamGrain>(streamId).PostChatAsync(SystemActor, $"{handle} reached level {level}! 🎉");
                }
            }

            foreach (var code in change.BadgesEarned)
            {
                var badge = Badges.All.First(b => b.Code == code);
                await events.PublishAsync(new BadgeEarned { UserId = UserId, At = now, Badge = code, Name = badge.Name, Description = badge.Description });
            }
        }
        catch (Exception ex) when (ex is DomainException or OrleansException or TimeoutException)
        {
            // Announcements are a courtesy: the XP and badges are saved whatever happens to them.
        }
    }

    private static readonly Actor SystemActor = new("system", "LiveStreamX", Role.System);

    private static ProgressionState Prune(ProgressionState state, DateTimeOffset now)
    {
        var hour = now.ToUnixTimeSeconds() / 3600;
        var minute = now.ToUnixTimeSeconds() / 60;
        return state with
        {
            HourlyRaw = state.HourlyRaw.Where(h => long.Parse(h.Key[(h.Key.LastIndexOf('|') + 1)..], System.Globalization.CultureInfo.InvariantCulture) >= hour - 1)
                .ToDictionary(h => h.Key, h => h.Value),
            PerMinute = state.PerMinute.Where(m => long.Parse(m.Key[(m.Key.LastIndexOf('|') + 1)..], System.Globalization.CultureInfo.InvariantCulture) >= minute - 1)
                .ToDictionary(m => m.Key, m => m.Value),
        };
    }

    private ProgressChange Unchanged() => new(0, null, [], ProgressOf(progression.State));

    private Progress ProgressOf(ProgressionState state)
    {
        var level = XpRules.LevelOf(state.Xp);
        return new Progress(UserId, state.Xp, level, XpRules.XpForLevel(level + 1), state.Badges, state.Stats, state.CreatorXp, XpRules.LevelOf(state.CreatorXp));
    }
}
