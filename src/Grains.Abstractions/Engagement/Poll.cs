using LiveStreamX.Streams;
using LiveStreamX.Users;

namespace LiveStreamX.Engagement;

/// <summary>A poll as viewers see it.</summary>
[GenerateSerializer, Immutable, Alias("lsx.Poll")]
public sealed record Poll(
    [property: Id(0)] string PollId,
    [property: Id(1)] string Question,
    [property: Id(2)] IReadOnlyList<string> Options,
    [property: Id(3)] IReadOnlyList<int> Tallies,
    [property: Id(4)] int TotalVotes,
    [property: Id(5)] DateTimeOffset OpensAt,
    [property: Id(6)] DateTimeOffset ClosesAt,
    [property: Id(7)] bool Closed,
    [property: Id(8)] IReadOnlyList<int> Winners);

/// <summary>Something that happened to a stream's poll; carries the poll as it now is.</summary>
[GenerateSerializer, Alias("lsx.PollEvent")]
public abstract record PollEvent : StreamEvent
{
    [Id(0)] public required Poll Poll { get; init; }
}

/// <summary>A poll opened.</summary>
[GenerateSerializer, Immutable, Alias("lsx.PollCreated")]
public sealed record PollCreated : PollEvent
{
    public override string Type => EventNames.PollCreate;
}

/// <summary>New tallies, at most every 250 ms.</summary>
[GenerateSerializer, Immutable, Alias("lsx.PollUpdated")]
public sealed record PollUpdated : PollEvent
{
    public override string Type => EventNames.PollUpdate;
}

/// <summary>The final result.</summary>
[GenerateSerializer, Immutable, Alias("lsx.PollClosed")]
public sealed record PollClosed : PollEvent
{
    public override string Type => EventNames.PollClosed;
}

/// <summary>A creator's new poll.</summary>
[GenerateSerializer, Immutable, Alias("lsx.CreatePoll")]
public sealed record CreatePoll(
    [property: Id(0)] string Question,
    [property: Id(1)] IReadOnlyList<string> Options,
    [property: Id(2)] int DurationSeconds);

/// <summary>A stream's polls, one open at a time. Key: stream id.</summary>
[Alias("lsx.IPollGrain")]
public interface IPollGrain : IGrainWithStringKey
{
    /// <summary>Opens a poll; only the stream's creator or an admin, and only when none is open.</summary>
    [Alias("Create")]
    Task<Poll> CreateAsync(Actor actor, CreatePoll request);

    /// <summary>Counts the user's one vote.</summary>
    [Alias("Vote")]
    Task<Poll> VoteAsync(Actor voter, string pollId, int option);

    /// <summary>Closes the open poll early.</summary>
    [Alias("Close")]
    Task<Poll> CloseAsync(Actor actor, string pollId);

    /// <summary>The open poll, or the last closed one, or null.</summary>
    [Alias("Get")]
    Task<Poll?> GetAsync();
}
