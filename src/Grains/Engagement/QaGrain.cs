using LiveStreamX.Chat;
using LiveStreamX.Common;
using LiveStreamX.Engagement;
using LiveStreamX.Gifts;
using LiveStreamX.Grains.Hosting;
using LiveStreamX.Progression;
using LiveStreamX.Streams;
using LiveStreamX.Users;
using Microsoft.Extensions.DependencyInjection;

namespace LiveStreamX.Grains.Engagement;

/// <summary>A stream's questions: asked, upvoted once per user, marked by the creator.</summary>
// Non-reentrant: upvotes are checked and counted one at a time.
public sealed class QaGrain(
    [PersistentState("qa", StorageNames.Default)] IPersistentState<QaState> qa,
    [FromKeyedServices(GrainClock.Key)] TimeProvider time) : Grain, IQaGrain
{
    private const int MaxText = 300;
    private const int MaxQuestions = 500;
    private static readonly TimeSpan AskInterval = TimeSpan.FromSeconds(10);
    private readonly Dictionary<string, DateTimeOffset> _lastAsked = [];

    private IStreamGrain Stream => GrainFactory.Get<IStreamGrain>(this.GetPrimaryKeyString());

    public async Task<Question> AskAsync(Actor asker, string text)
    {
        var stream = await Stream.GetAsync() ?? throw DomainException.NotFound($"There is no stream '{this.GetPrimaryKeyString()}'.");
        if (stream.Status != StreamStatus.Live)
        {
            throw new DomainException(ErrorCodes.NotLive, "Questions are open while the stream is live.");
        }

        var clean = ChatText.Normalize(text);
        if (clean.Length > MaxText)
        {
            throw DomainException.InvalidInput("text", $"A question is at most {MaxText} characters.");
        }

        var now = time.GetUtcNow();
        if (_lastAsked.TryGetValue(asker.UserId, out var last) && now - last < AskInterval)
        {
            throw new DomainException(ErrorCodes.RateLimited, $"One question every {AskInterval.TotalSeconds:0} s; try again in {Math.Ceiling((last + AskInterval - now).TotalSeconds)} s.");
        }

        if (qa.State.Questions.Count >= MaxQuestions)
        {
            throw new DomainException(ErrorCodes.Conflict, "This stream has as many questions as it can take.");
        }

        var question = new Question("q_" + Guid.NewGuid().ToString("N")[..12], clean, new UserRef(asker.UserId, asker.Handle), 0, QuestionStatus.Open, now);
        qa.State.Questions[question.QuestionId] = question;
        await qa.WriteStateAsync();
        _lastAsked[asker.UserId] = now;
        await GrainFactory.Get<IProgressionGrain>(asker.UserId).TrackAsync(new XpActivity(XpSource.Question, this.GetPrimaryKeyString()));
        return await AnnounceAsync(question);
    }

    public async Task<Question> UpvoteAsync(Actor voter, string questionId)
    {
        var question = Find(questionId);
        if (question.Status != QuestionStatus.Open)
        {
            throw new DomainException(ErrorCodes.Conflict, "Only open questions take upvotes.");
        }

        if (!qa.State.Upvotes.Add($"{questionId}/{voter.UserId}"))
        {
            throw new DomainException(ErrorCodes.Conflict, "You upvoted this question already.");
        }

        var upvoted = question with { Upvotes = question.Upvotes + 1 };
        qa.State.Questions[questionId] = upvoted;
        await qa.WriteStateAsync();
        return await AnnounceAsync(upvoted);
    }

    public async Task<Question> MarkAsync(Actor actor, string questionId, QuestionStatus status)
    {
        var question = Find(questionId);
        var stream = await Stream.GetAsync();
        if (!actor.IsAdmin && actor.UserId != stream?.CreatorId)
        {
            throw DomainException.Forbidden("Only the stream's creator marks questions.");
        }

        if (status == QuestionStatus.Open)
        {
            throw DomainException.InvalidInput("status", "Mark a question answered or dismissed.");
        }

        var marked = question with { Status = status };
        qa.State.Questions[questionId] = marked;
        await qa.WriteStateAsync();
        return await AnnounceAsync(marked);
    }

    public Task<IReadOnlyList<Question>> ListAsync() => Task.FromResult<IReadOnlyList<Question>>(
        [.. qa.State.Questions.Values
            .Where(q => q.Status != QuestionStatus.Dismissed)
            .OrderBy(q => q.Status)
            .ThenByDescending(q => q.Upvotes)
            .ThenBy(q => q.AskedAt)]);

    private Question Find(string questionId) =>
        qa.State.Questions.GetValueOrDefault(questionId ?? string.Empty) ?? throw DomainException.NotFound("There is no such question.");

    private async Task<Question> AnnounceAsync(Question question)
    {
        await Stream.AppendAsync(new QaUpdated { StreamId = this.GetPrimaryKeyString(), Question = question });
        return question;
    }
}
