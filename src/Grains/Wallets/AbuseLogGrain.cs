using LiveStreamX.Wallets;

namespace LiveStreamX.Grains.Wallets;

/// <summary>The last abuse signals, in memory: a moderator's live view, not a record (the logs are).</summary>
public sealed class AbuseLogGrain : Grain, IAbuseLogGrain
{
    private const int Capacity = 500;
    private readonly LinkedList<AbuseSignal> _recent = new();

    public Task RecordAsync(AbuseSignal signal)
    {
        _recent.AddFirst(signal);
        if (_recent.Count > Capacity)
        {
            _recent.RemoveLast();
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<AbuseSignal>> RecentAsync(int limit) =>
        Task.FromResult<IReadOnlyList<AbuseSignal>>([.. _recent.Take(Math.Clamp(limit, 1, Capacity))]);
}
