using LiveStreamX.Gifts;
using LiveStreamX.Streams;
using LiveStreamX.Users;

namespace LiveStreamX.Engagement;

/// <summary>Where a question stands.</summary>
public enum QuestionStatus
{
    Open = 0,
    Answered = 1,
    Dismissed = 2,
}

/// <summary>A viewer's question, as everyone sees it.</summary>
[GenerateSerializer, Immutable, Alias("lsx.Question")]
public sealed record Question(
    [property: Id(0)] string QuestionId,
    [property: Id(1)] string Text,
    [property: Id(2)] UserRef By,
    [property: Id(3)] int Upvotes,
    [property: Id(4)] QuestionStatus Status,
    [property: Id(5)] DateTimeOffset AskedAt);

/// <summary>A question was asked, upvoted or marked.</summary>
[GenerateSerializer, Immutable, Alias("lsx.QaUpdated")]
public sealed record QaUpdated : StreamEvent
{
    public override string Type => EventNames.QaUpdate;

    [Id(0)] public required Question Question { get; init; }
}

/// <summary>A stream's Q&amp;A. Key: stream id.</summary>
[Alias("lsx.IQaGrain")]
public interface IQaGrain : IGrainWithStringKey
{
    [Alias("Ask")]
    Task<Question> AskAsync(Actor asker, string text);

    /// <summary>One upvote per user and question.</summary>
    [Alias("Upvote")]
    Task<Question> UpvoteAsync(Actor voter, string questionId);

    /// <summary>The creator marks a question answered or dismissed.</summary>
    [Alias("Mark")]
    Task<Question> MarkAsync(Actor actor, string questionId, QuestionStatus status);

    /// <summary>Open questions by upvotes, then the answered ones; dismissed ones are left out.</summary>
    [Alias("List")]
    Task<IReadOnlyList<Question>> ListAsync();
}
