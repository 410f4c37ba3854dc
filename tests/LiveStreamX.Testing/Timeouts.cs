namespace LiveStreamX.Testing;

/// <summary>Every await in a test is bounded: a hang fails the test instead of the run.</summary>
public static class Timeouts
{
    /// <summary>Long enough for a loaded 2-core CI machine, short enough to fail fast.</summary>
    public static readonly TimeSpan Default = TimeSpan.FromSeconds(20);

    public static Task<T> WithTimeout<T>(this Task<T> task) => task.WaitAsync(Default);

    public static Task WithTimeout(this Task task) => task.WaitAsync(Default);

    /// <summary>Polls <paramref name="condition"/> until it holds, or fails after the timeout.</summary>
    public static async Task Eventually(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? Default);
        while (!await condition())
        {
            if (cts.IsCancellationRequested)
            {
                throw new TimeoutException($"Timed out waiting until {what}.");
            }

            await Task.Delay(50);
        }
    }
}
