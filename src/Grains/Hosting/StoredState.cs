using LiveStreamX.Common;
using Microsoft.Extensions.Logging;
using Orleans.Storage;

namespace LiveStreamX.Grains.Hosting;

/// <summary>
/// One persistent state of a grain, written by the policies every grain shares: committed (its writes acknowledge
/// changes: money, seqs, settings), written behind (data whose loss of a second is acceptable: XP, board scores,
/// votes, chat history), or both (a poll is opened with a commit, its votes are written behind).
/// <list type="bullet">
/// <item><b>Commit</b> (<see cref="CommitAsync(T)"/>): changes that reach the grain while a write is in flight share
/// the next write and are acknowledged together (group commit), so a busy receiver makes one write per batch, not
/// per change. The grain makes every check and in-memory change in one turn, before its first await, then awaits
/// the commit.</item>
/// <item><b>Write-behind</b> (<see cref="Changed"/>): written at most once per interval after a change and on
/// <see cref="FlushAsync"/>; a failed write is tried again an interval later.</item>
/// <item><b>A failed write</b> is logged. When another activation wrote first (the storage ETag moved), this
/// activation is stale and deactivates. A failed commit puts the state back to what was last written and fails
/// every change made since then, the batch in flight and the one waiting behind it alike: the waiting changes
/// were checked against the failed ones (a balance, a ledger number), so none of them may stand alone. Their
/// callers get <c>unavailable</c> and retry.</item>
/// </list>
/// </summary>
/// <remarks>
/// A committed state must be treated as immutable (replaced, never changed in place), so that the value being
/// written and the value to go back to are snapshots. Create it in the grain's constructor (a field initializer),
/// with the grain's <see cref="IPersistentState{TState}"/> and <see cref="IGrainContext"/>.
/// </remarks>
internal sealed partial class StoredState<T>(IGrainContext grain, IPersistentState<T> state, string name, ILogger logger, string unavailableMessage)
{
    /// <summary>How long a change written behind may wait: a crash costs at most this much of it.</summary>
    public static readonly TimeSpan BehindInterval = TimeSpan.FromSeconds(1);

    private TaskCompletionSource? _next;
    private TaskCompletionSource? _current;
    private Task _writing = Task.CompletedTask;
    private T _restore = default!;
    private IGrainTimer? _behindTimer;

    /// <summary>The state in memory: written, or about to be.</summary>
    public T State
    {
        get => state.State;
        set => state.State = value;
    }

    /// <summary>
    /// The state as last written (or read), with the changes the grain keeps in memory on purpose but none that a
    /// failed write could still take back.
    /// </summary>
    public T Written => _writing.IsCompleted ? state.State : _restore;

    /// <summary>Whether a change waits to be written behind.</summary>
    public bool Unsaved { get; private set; }

    /// <summary>
    /// Makes <paramref name="next"/> the state and completes once it is written, together with every other change
    /// made while a write was in flight. On failure the state goes back to what was last written and this throws
    /// <c>unavailable</c>.
    /// </summary>
    public Task CommitAsync(T next)
    {
        if (_writing.IsCompleted)
        {
            // Nothing unwritten but changes the grain keeps in memory on purpose (acknowledgements): they stay.
            _restore = state.State;
        }

        state.State = next;
        _next ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var committed = _next.Task;
        if (_writing.IsCompleted)
        {
            _writing = WriteLoopAsync();
        }

        return committed;
    }

    /// <summary>Completes when everything committed so far is written (a repeat waits for the original's write).</summary>
    public Task WhenWrittenAsync() => _next?.Task ?? _current?.Task ?? Task.CompletedTask;

    /// <summary>Marks the state changed: it is written within <see cref="BehindInterval"/>, and again after a failure.</summary>
    public void Changed()
    {
        Unsaved = true;
        // Timer callbacks do not interleave with grain calls: nothing changes during the write.
        _behindTimer ??= ((IGrainBase)grain.GrainInstance!).RegisterGrainTimer(
            async ct =>
            {
                try
                {
                    await WriteBehindAsync(ct);
                }
                catch (Exception)
                {
                    // Logged; still unsaved, so it is tried again below.
                }
                finally
                {
                    // Disposing the timer cancels ct, so it is disposed after the write, not before.
                    _behindTimer?.Dispose();
                    _behindTimer = null;
                    if (Unsaved)
                    {
                        Changed();
                    }
                }
            },
            new GrainTimerCreationOptions { DueTime = BehindInterval, Period = Timeout.InfiniteTimeSpan, KeepAlive = true });
    }

    /// <summary>Writes now what waits to be written behind: call it from <c>OnDeactivateAsync</c>.</summary>
    public Task FlushAsync(CancellationToken cancellationToken) =>
        Unsaved ? WriteBehindAsync(cancellationToken) : Task.CompletedTask;

    /// <summary>Writes the state as it is, now (activation-time moves, deactivation); throws on failure after logging.</summary>
    public async Task WriteNowAsync(CancellationToken cancellationToken = default)
    {
        await _writing;
        try
        {
            await state.WriteStateAsync(cancellationToken);
        }
        catch (Exception ex)
        {
            throw Failed(ex);
        }
    }

    private async Task WriteBehindAsync(CancellationToken cancellationToken)
    {
        // Never beside a commit's write: the second would fail on the first's ETag.
        await _writing;
        Unsaved = false;
        try
        {
            await state.WriteStateAsync(cancellationToken);
        }
        catch (Exception ex)
        {
            Unsaved = true;
            throw Failed(ex);
        }
    }

    private async Task WriteLoopAsync()
    {
        while (_next is { } batch)
        {
            _next = null;
            _current = batch;
            var written = state.State;
            try
            {
                await state.WriteStateAsync();
            }
            catch (Exception ex)
            {
                state.State = _restore;
                _current = null;
                var failure = Failed(ex);
                batch.SetException(failure);
                if (_next is { } waiting)
                {
                    // Built on the failed changes: it fails with them.
                    _next = null;
                    waiting.SetException(failure);
                }

                return;
            }

            _restore = written;
            _current = null;
            batch.SetResult();
        }
    }

    private DomainException Failed(Exception ex)
    {
        if (ex is InconsistentStateException)
        {
            // Another activation wrote since this one read: this one is stale and must go.
            grain.Deactivate(new DeactivationReason(DeactivationReasonCode.ApplicationRequested, "A newer activation wrote this grain's state."));
        }

        LogWriteFailed(logger, ex, grain.GrainId, name);
        return new DomainException(ErrorCodes.Unavailable, unavailableMessage, ex);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Grain}: writing {State} failed")]
    private static partial void LogWriteFailed(ILogger logger, Exception ex, GrainId grain, string state);
}
