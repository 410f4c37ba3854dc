using LiveStreamX.Common;
using LiveStreamX.Engagement;
using LiveStreamX.Gifts;
using LiveStreamX.Streams;
using LiveStreamX.Users;

namespace LiveStreamX.Grains.Streams;

public sealed partial class StreamGrain
{
    private static readonly TimeSpan ChallengeUpdateInterval = TimeSpan.FromMilliseconds(250);
    private IGrainTimer? _challengeTimer;
    private bool _challengeChanged;

    public async Task<Challenge> StartChallengeAsync(Actor actor, StartChallenge request)
    {
        var info = Info;
        EnsureMayManage(actor, info);
        if (info.Status != StreamStatus.Live)
        {
            throw new DomainException(ErrorCodes.NotLive, "Challenges run while the stream is live.");
        }

        if (_challenge.State.Challenge is { Status: ChallengeStatus.Running })
        {
            throw new DomainException(ErrorCodes.Conflict, "A challenge is running already.");
        }

        var errors = new Dictionary<string, string[]>();
        if (!Enum.IsDefined(request.Kind))
        {
            errors["kind"] = ["The kind is gift-tokens, reactions, chat-messages or new-viewers."];
        }

        if (request.Target is < 1 or > 10_000_000)
        {
            errors["target"] = ["A target is 1–10,000,000."];
        }

        if (request.DurationSeconds is < 10 or > 3600)
        {
            errors["durationSeconds"] = ["A challenge runs 10 seconds to an hour."];
        }

        string? rewardJson = null;
        if (request.RewardAction is not null)
        {
            var action = CommandCatalog.Find(request.RewardAction);
            if (action is null)
            {
                errors["reward.action"] = [$"The action is one of {string.Join(", ", CommandCatalog.Actions.Select(a => a.Action))}."];
            }
            else
            {
                rewardJson = CommandCatalog.CheckParams(action, ParseParams(request.RewardParamsJson ?? "{}"), "reward.params", errors);
            }
        }

        if (errors.Count > 0)
        {
            throw DomainException.InvalidInput(errors);
        }

        var now = time.GetUtcNow();
        var challenge = new Challenge("ch_" + Guid.NewGuid().ToString("N")[..12], request.Kind, request.Target, 0, now,
            now.AddSeconds(request.DurationSeconds), ChallengeStatus.Running, request.RewardAction, rewardJson);
        await PublishChallengeAsync(challenge);
        StartChallengeTimer();
        return challenge;
    }

    public Task<Challenge?> GetChallengeAsync() => Task.FromResult(_challenge.State.Challenge);

    public Task RecordReactionsAsync(long count)
    {
        if (count > 0 && StreamStore.State.Info is { Status: StreamStatus.Live })
        {
            AddChallengeProgress(ChallengeKind.Reactions, count);
            _engagementReceived += count;
            RecordSignal(_reactionSpikes, count);
        }

        return Task.CompletedTask;
    }

    /// <summary>Counts a stream event towards the running challenge; the timer announces and ends it.</summary>
    private void AddChallengeProgress(ChallengeKind kind, long amount)
    {
        if (_challenge.State.Challenge is { Status: ChallengeStatus.Running } running && running.Kind == kind)
        {
            // In memory; written with the challenge's next announcement.
            _challenge.State = new StreamChallengeState { Challenge = running with { Progress = running.Progress + amount } };
            _challengeChanged = true;
        }
    }

    private void StartChallengeTimer() =>
        _challengeTimer ??= this.RegisterGrainTimer(
            ChallengeTickAsync,
            new GrainTimerCreationOptions { DueTime = ChallengeUpdateInterval, Period = ChallengeUpdateInterval, KeepAlive = true });

    private async Task ChallengeTickAsync(CancellationToken cancellationToken)
    {
        if (_challenge.State.Challenge is not { Status: ChallengeStatus.Running } running)
        {
            _challengeTimer?.Dispose();
            _challengeTimer = null;
            return;
        }

        var status = running.Progress >= running.Target ? ChallengeStatus.Completed
            : time.GetUtcNow() >= running.EndsAt ? ChallengeStatus.Failed
            : ChallengeStatus.Running;
        if (status == ChallengeStatus.Running && !_challengeChanged)
        {
            return;
        }

        _challengeChanged = false;
        var updated = running with { Status = status };
        await PublishChallengeAsync(updated);
        if (status == ChallengeStatus.Completed && updated.RewardAction is { } action)
        {
            var by = new UserRef(Info.CreatorId, Info.CreatorHandle);
            _commands.State = _commands.State with
            {
                CommandQueue = Enqueue(_commands.State.CommandQueue, new PendingTrigger(action, updated.RewardParamsJson ?? "{}", by, "challenge", updated.ChallengeId)),
            };
            await RunCommandsAsync();
        }
    }

    private Task PublishChallengeAsync(Challenge challenge) =>
        PublishAsync(
            new ChallengeUpdated { StreamId = Id, Challenge = ChallengeView.Of(challenge) },
            _ => _challenge.CommitAsync(new StreamChallengeState { Challenge = challenge }));
}
