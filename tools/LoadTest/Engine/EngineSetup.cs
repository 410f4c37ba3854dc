using System.Globalization;
using LiveStreamX.Common;
using LiveStreamX.Streams;
using LiveStreamX.Users;

namespace LiveStreamX.LoadTest.Engine;

/// <summary>What the engine scenarios set up before they load the grains: users and live streams of their own run.</summary>
internal static class EngineSetup
{
    /// <summary>Set-up calls in flight at once.</summary>
    public static ParallelOptions Limited(CancellationToken cancellationToken) =>
        new() { MaxDegreeOfParallelism = 64, CancellationToken = cancellationToken };

    /// <summary>A handle of this run: the run id, a tag for the user's part, a number.</summary>
    public static string Handle(string runId, char tag, int i) => string.Create(CultureInfo.InvariantCulture, $"{runId}{tag}{i}");

    /// <summary><paramref name="count"/> streams, each of its own creator, live.</summary>
    public static async Task<string[]> LiveStreamsAsync(IGrainFactory grains, string runId, int count, CancellationToken cancellationToken)
    {
        var streams = new string[count];
        await Parallel.ForEachAsync(Enumerable.Range(0, count), Limited(cancellationToken), async (i, _) =>
        {
            var handle = Handle(runId, 'c', i);
            var creator = (await grains.Get<IHandleGrain>(handle).ClaimAsync(handle, Role.Creator)).ToActor();
            var id = StreamNames.NewStreamId();
            await grains.Get<IStreamGrain>(id).CreateAsync(new CreateStream(creator, $"Load test {runId} #{i}", "load-test"));
            await grains.Get<IStreamGrain>(id).MoveToAsync(creator, StreamStatus.Live);
            streams[i] = id;
        });
        return streams;
    }
}
