using LiveStreamX.Common;
using LiveStreamX.Grains.Hosting;
using LiveStreamX.Leaderboards;
using Microsoft.Extensions.DependencyInjection;

namespace LiveStreamX.Grains.Leaderboards;

/// <summary>
/// The weekly season. A durable reminder checks every few minutes whether the week is over; then the final
/// standings of every category are archived and season n+1 starts. Time comes from the grain clock, so tests roll
/// seasons without waiting.
/// </summary>
public sealed class SeasonGrain(
    [PersistentState("season", StorageNames.Default)] IPersistentState<SeasonState> season,
    [FromKeyedServices(GrainClock.Key)] TimeProvider time) : Grain, ISeasonGrain, IRemindable
{
    public const string Reminder = "season-rollover";
    public static readonly TimeSpan Length = TimeSpan.FromDays(7);
    private const int ArchivedPerBoard = 100;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (season.State.Current is null)
        {
            var now = time.GetUtcNow();
            season.State = season.State with { Current = new Season(1, now, now + Length) };
            await season.WriteStateAsync(cancellationToken);
        }

        // Durable: the reminder survives silo restarts and wakes this grain wherever it lives.
        await this.RegisterOrUpdateReminder(Reminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), cancellationToken);
    }

    public Task<Season> CurrentAsync() => Task.FromResult(season.State.Current!);

    public async Task<Season> RollOverIfDueAsync()
    {
        var current = season.State.Current!;
        var now = time.GetUtcNow();
        if (now < current.EndsAt)
        {
            return current;
        }

        var boards = new Dictionary<string, IReadOnlyList<BoardEntry>>();
        foreach (var category in BoardCategories.All)
        {
            boards[category] = await GrainFactory.Get<ILeaderboardGrain>(BoardCategories.Board(category, $"season-{current.Number}")).TopAsync(ArchivedPerBoard);
        }

        // Seasons follow each other; after a long outage the next one starts now instead of in the past.
        var start = current.EndsAt > now - Length ? current.EndsAt : now;
        var next = new Season(current.Number + 1, start, start + Length);
        season.State = season.State with
        {
            Current = next,
            Archive = new Dictionary<int, SeasonStandings>(season.State.Archive) { [current.Number] = new SeasonStandings(current, boards) },
        };
        await season.WriteStateAsync();
        return next;
    }

    public Task<SeasonStandings?> ArchivedAsync(int number) => Task.FromResult(season.State.Archive.GetValueOrDefault(number));

    public Task ReceiveReminder(string reminderName, TickStatus status) => RollOverIfDueAsync();
}

/// <summary>The current season and the archived ones.</summary>
[GenerateSerializer, Alias("lsx.SeasonState")]
public sealed record SeasonState
{
    [Id(0)] public Season? Current { get; init; }

    [Id(1)] public Dictionary<int, SeasonStandings> Archive { get; init; } = [];
}
