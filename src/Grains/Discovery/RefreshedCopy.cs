namespace LiveStreamX.Grains.Discovery;

/// <summary>
/// A silo's copy of data other grains own, read again in the background once older than a maximum age while
/// readers keep the copy they have (only the first read waits), one read at a time, off any grain's scheduler.
/// </summary>
internal sealed class RefreshedCopy<T>(Func<Task<T>> read, TimeSpan maxAge, TimeProvider time)
    where T : class
{
    private readonly Lock _lock = new();
    private (T Value, DateTimeOffset ReadAt)? _copy;
    private Task<T>? _reading;

    public async ValueTask<T> GetAsync()
    {
        var copy = _copy;
        if (copy is not { } current)
        {
            return await ReadAsync();
        }

        if (time.GetUtcNow() - current.ReadAt >= maxAge)
        {
            ReadAsync().Ignore();
        }

        return current.Value;
    }

    /// <summary>Replaces the copy in hand, if there is one, by <paramref name="change"/> of it (a change known here first).</summary>
    public void Update(Func<T, T> change)
    {
        lock (_lock)
        {
            if (_copy is { } current)
            {
                _copy = (change(current.Value), current.ReadAt);
            }
        }
    }

    private Task<T> ReadAsync()
    {
        lock (_lock)
        {
            return _reading ??= Task.Run(async () =>
            {
                try
                {
                    var value = await read();
                    lock (_lock)
                    {
                        _copy = (value, time.GetUtcNow());
                    }

                    return value;
                }
                finally
                {
                    lock (_lock)
                    {
                        _reading = null;
                    }
                }
            });
        }
    }
}
