using LiveStreamX.Chat;
using LiveStreamX.Gifts;
using LiveStreamX.Grains.Hosting;
using LiveStreamX.Grains.Streams;
using LiveStreamX.Users;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace LiveStreamX.Grains.Tests.Persistence;

/// <summary>Grain state is stored in binary behind a marker, and state stored as JSON before that is still read.</summary>
[Collection(ClusterCollection.Name)]
public sealed class GrainStateFormatTests(ClusterFixture fixture)
{
    private IServiceProvider Silo => fixture.Cluster.Silos[0].ServiceProvider;

    [Fact]
    public void StateIsStoredInBinaryBehindTheMarkerAndReadBackWhole()
    {
        var serializer = Silo.GetRequiredService<GrainStateSerializer>();
        // A collection expression: a compiler-made list type, which JSON with type names could not read back.
        var state = Sample(["first-gift", "chatterbox"]);

        var stored = serializer.Serialize(state).ToArray();
        var back = serializer.Deserialize<StreamState>(new BinaryData(stored))!;

        Assert.Equal("LSX\u0001"u8.ToArray(), stored[..4]);
        AssertSameAs(state, back);
        // Smaller than the JSON it replaces (type names and property names in every element).
        var json = Silo.GetRequiredService<IGrainStorageSerializer>().Serialize(Sample(new[] { "first-gift", "chatterbox" }));
        Assert.True(stored.Length < json.ToArray().Length);
    }

    [Fact]
    public void StateStoredAsJsonBeforeTheUpgradeIsStillRead()
    {
        // What the JSON serializer wrote before the upgrade: the grains stored arrays, a type JSON can name.
        var state = Sample(new[] { "first-gift", "chatterbox" });
        var json = Silo.GetRequiredService<IGrainStorageSerializer>().Serialize(state);
        Assert.Equal((byte)'{', json.ToArray()[0]);

        var back = Silo.GetRequiredService<GrainStateSerializer>().Deserialize<StreamState>(json)!;

        AssertSameAs(state, back);
    }

    [Fact]
    public void DefaultStorageUsesIt()
    {
        var options = Silo.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<Orleans.Configuration.MemoryGrainStorageOptions>>();
        Assert.IsType<GrainStateSerializer>(options.Get(StorageNames.Default).GrainStorageSerializer);
    }

    private static StreamState Sample(IReadOnlyList<string> badges) => new()
    {
        SeqReserved = 77,
        GiftTotal = 1234,
        Chat =
        [
            new ChatMessageEvent
            {
                StreamId = "s_format", Seq = 70, At = DateTimeOffset.UnixEpoch, Id = "m_1", UserId = "u_1", Handle = "ada",
                Role = Role.Viewer, Text = "hello", Level = 3, Badges = badges,
            },
        ],
        Gifters = { ["u_1"] = new TopGifter("u_1", "ada", 1234) },
        GiftsApplied = { ["u_1"] = 9 },
    };

    private static void AssertSameAs(StreamState expected, StreamState actual)
    {
        Assert.Equal(expected.SeqReserved, actual.SeqReserved);
        Assert.Equal(expected.GiftTotal, actual.GiftTotal);
        var message = Assert.Single(actual.Chat);
        Assert.Equal(expected.Chat[0] with { Badges = [] }, message with { Badges = [] });
        Assert.Equal(expected.Chat[0].Badges, message.Badges);
        Assert.Equal(expected.Gifters, actual.Gifters);
        Assert.Equal(expected.GiftsApplied, actual.GiftsApplied);
    }
}
