using LiveStreamX.Common;
using LiveStreamX.Engagement;
using LiveStreamX.Grains.Hosting;
using LiveStreamX.Progression;
using LiveStreamX.Streams;
using LiveStreamX.Users;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LiveStreamX.Grains.Engagement;

/// <summary>
/// A stream's polls. Votes count in memory at once; tallies go out at most every 250 ms; the state is written at
/// most once a second while votes come in (a crash can forget up to a second of voters) and at every open and close.
/// </summary>
// Non-reentrant: a vote is checked against the voters and counted one at a time.
public sealed class PollGrain(
    [PersistentState("poll", StorageNames.Default)] IPersistentState<PollState> poll,
    [FromKeyedServices(GrainClock.Key)] TimeProvider time,
    IGrainContext grainContext,
    ILogger<PollGrain> logger) : Grain, IPollGrain
{
    private const int MaxQuestion = 200;
    private const int MaxOption = 80;
    private static readonly TimeSpan UpdateInterval = TimeSpan.FromMilliseconds(250);

    private IGrainTimer? _closeTimer;
    private IGrainTimer? _updateTimer;
    private bool _talliesChanged;

    // Votes are written behind (at most once a second); opening and closing at once.
    private readonly StoredState<PollState> _poll = new(grainContext, poll, "poll", logger, "The poll could not be saved; try again.");

    private IStreamGrain Stream => GrainFactory.Get<IStreamGrain>(this.GetPrimaryKeyString());

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (poll.State.Current is { Closed: false } open)
        {
            if (open.ClosesAt <= time.GetUtcNow())
            {
                await CloseNowAsync();
            }
            else
            {
                ScheduleClose(open);
            }
        }
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        await _poll.FlushAsync(cancellationToken);
    }

    public async Task<Poll> CreateAsync(Actor actor, CreatePoll request)
    {
        var stream = await Stream.GetAsync() ?? throw DomainException.NotFound($"There is no stream '{this.GetPrimaryKeyString()}'.");
        if (!actor.IsAdmin && actor.UserId != stream.CreatorId)
        {
            throw DomainException.Forbidden("Only the stream's creator opens polls.");
        }

        if (stream.Status != StreamStatus.Live)
        {
            throw new DomainException(ErrorCodes.NotLive, "Polls run while the stream is live.");
        }

        if (poll.State.Current is { Closed: false })
        {
            throw new DomainException(ErrorCodes.Conflict, "A poll is open already: close it first.");
        }

        var errors = new Dictionary<string, string[]>();
        if (!InputText.TryClean(request.Question, MaxQuestion, out var question))
        {
            errors["question"] = [$"A question is 1–{MaxQuestion} characters with something visible."];
        }

        var options = (request.Options ?? []).Select(o => InputText.TryClean(o, MaxOption, out var clean) ? clean : string.Empty).ToList();
        if (options.Count is < 2 or > 6 || options.Any(o => o.Length == 0))
        {
            errors["options"] = [$"2–6 options of 1–{MaxOption} characters with something visible."];
        }

        if (request.DurationSeconds is < 10 or > 1800)
        {
            errors["durationSeconds"] = ["A poll runs 10 seconds to 30 minutes."];
        }

        if (errors.Count > 0)
        {
            throw DomainException.InvalidInput(errors);
        }

        var now = time.GetUtcNow();
        var created = new Poll("p_" + Guid.NewGuid().ToString("N")[..12], question, options, new int[options.Count], 0, now,
            now.AddSeconds(request.DurationSeconds), Closed: false, Winners: []);
        await _poll.CommitAsync(new PollState { Current = created });
        await Stream.AppendAsync(new PollCreated { StreamId = this.GetPrimaryKeyString(), Poll = created });
        ScheduleClose(created);
        return created;
    }

    public Task<Poll> VoteAsync(Actor voter, string pollId, int option)
    {
        var current = poll.State.Current;
        if (current is null || current.PollId != pollId || current.Closed)
        {
            throw DomainException.NotFound("That poll is not open.");
        }

        if (option < 0 || option >= current.Options.Count)
        {
            throw DomainException.InvalidInput("option", $"Pick an option from 0 to {current.Options.Count - 1}.");
        }

        if (!poll.State.Voters.Add(voter.UserId))
        {
            throw new DomainException(ErrorCodes.Conflict, "You voted in this poll already.");
        }

        var tallies = current.Tallies.ToArray();
        tallies[option]++;
        poll.State = poll.State with { Current = current with { Tallies = tallies, TotalVotes = current.TotalVotes + 1 } };
        _talliesChanged = true;
        _poll.Changed();
        GrainFactory.Get<IProgressionGrain>(voter.UserId).TrackAsync(new XpActivity(XpSource.PollVote, this.GetPrimaryKeyString())).Ignore();
        _updateTimer ??= this.RegisterGrainTimer(
            FlushAsync,
            new GrainTimerCreationOptions { DueTime = UpdateInterval, Period = UpdateInterval, KeepAlive = true });
        return Task.FromResult(poll.State.Current!);
    }

    public async Task<Poll> CloseAsync(Actor actor, string pollId)
    {
        var current = poll.State.Current;
        if (current is null || current.PollId != pollId || current.Closed)
        {
            throw DomainException.NotFound("That poll is not open.");
        }

        var stream = await Stream.GetAsync();
        if (!actor.IsAdmin && actor.UserId != stream?.CreatorId)
        {
            throw DomainException.Forbidden("Only the stream's creator closes polls.");
        }

        return await CloseNowAsync();
    }

    public Task<Poll?> GetAsync() => Task.FromResult(poll.State.Current);

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_talliesChanged && poll.State.Current is { Closed: false } current)
        {
            _talliesChanged = false;
            await Stream.AppendAsync(new PollUpdated { StreamId = this.GetPrimaryKeyString(), Poll = current });
        }

        if (!_talliesChanged)
        {
            _updateTimer?.Dispose();
            _updateTimer = null;
        }
    }

    private async Task<Poll> CloseNowAsync()
    {
        _closeTimer?.Dispose();
        _closeTimer = null;
        _updateTimer?.Dispose();
        _updateTimer = null;
        var current = poll.State.Current!;
        var top = current.Tallies.Max();
        var closed = current with
        {
            Closed = true,
            ClosesAt = current.ClosesAt < time.GetUtcNow() ? current.ClosesAt : time.GetUtcNow(),
            Winners = top == 0 ? Array.Empty<int>() : current.Tallies.Select((t, i) => (t, i)).Where(x => x.t == top).Select(x => x.i).ToArray(),
        };
        await _poll.CommitAsync(poll.State with { Current = closed });
        _talliesChanged = false;
        await Stream.AppendAsync(new PollClosed { StreamId = this.GetPrimaryKeyString(), Poll = closed });
        return closed;
    }

    private void ScheduleClose(Poll open)
    {
        var due = open.ClosesAt - time.GetUtcNow();
        _closeTimer?.Dispose();
        _closeTimer = this.RegisterGrainTimer(
            async _ =>
            {
                if (poll.State.Current is { Closed: false } current && current.PollId == open.PollId)
                {
                    await CloseNowAsync();
                }
            },
            new GrainTimerCreationOptions { DueTime = due > TimeSpan.Zero ? due : TimeSpan.Zero, Period = Timeout.InfiniteTimeSpan, KeepAlive = true });
    }
}
