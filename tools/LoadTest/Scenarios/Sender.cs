using LiveStreamX.LoadTest.Transport;

namespace LiveStreamX.LoadTest.Scenarios;

/// <summary>A signed-in user who sends to one stream over its own connection; keeps what it spent on gifts.</summary>
internal sealed class Sender(int index, SignedInUser user, ILiveConnection connection, string streamId)
{
    private long _spent;

    public int Index => index;

    public SignedInUser User => user;

    public ILiveConnection Connection => connection;

    public string StreamId => streamId;

    /// <summary>The balance before the first gift, when the run checks wallets.</summary>
    public long? BalanceBefore { get; set; }

    public long Spent => Interlocked.Read(ref _spent);

    public void Spend(long tokens) => Interlocked.Add(ref _spent, tokens);
}
