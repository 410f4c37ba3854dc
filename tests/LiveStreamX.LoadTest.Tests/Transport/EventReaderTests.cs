using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using LiveStreamX.Chat;
using LiveStreamX.Gifts;
using LiveStreamX.LoadTest.Transport;
using LiveStreamX.Streams;
using LiveStreamX.Users;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.Options;

namespace LiveStreamX.LoadTest.Tests.Transport;

/// <summary>Frames written by SignalR's JSON hub protocol, set up as the Api sets it up, read back by the load tool.</summary>
public sealed class EventReaderTests
{
    private static readonly JsonHubProtocol s_protocol = new(Options.Create(new JsonHubProtocolOptions
    {
        PayloadSerializerOptions = { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) } },
    }));

    [Fact]
    public void ABatchIsReadInOrderWithItsEventTypesAndTheRestOfEachEventSkipped()
    {
        var chat = Chat(7, "hello 1234");
        var gift = new GiftReceived
        {
            StreamId = "s_1", Seq = 8, TransferId = "t_42", From = new UserRef("u_1", "ada"),
            Gift = new GiftRef("heart", "Heart", "hearts", Rarity.Common), Count = 2, Tokens = 10, ComboId = "c_1", Combo = 1, StreamTotal = 99,
        };
        var frame = Frame(EventNames.StreamEvents, new { streamId = "s_1", events = new object[] { chat, gift } });
        var events = new List<LiveEvent>();

        Assert.True(EventReader.TryReadInvocation(frame, arrived: 5, events));

        Assert.Equal(
            [
                new LiveEvent(EventNames.ChatMessage, "s_1", 7, "hello 1234", null, 5),
                new LiveEvent(EventNames.GiftReceived, "s_1", 8, null, "t_42", 5),
            ],
            events);
    }

    [Fact]
    public void AnEventSentAloneTakesItsTypeFromTheTarget()
    {
        var events = new List<LiveEvent>();

        Assert.True(EventReader.TryReadInvocation(Frame(EventNames.ChatMessage, Chat(3, "hi")), arrived: 1, events));

        Assert.Equal([new LiveEvent(EventNames.ChatMessage, "s_1", 3, "hi", null, 1)], events);
    }

    [Fact]
    public void FramesOfAnotherShapeAreLeftToTheCallerWithNothingRead()
    {
        var events = new List<LiveEvent>();
        byte[][] others =
        [
            Write(CompletionMessage.WithResult("4", 12)),
            Write(PingMessage.Instance),
            Frame("user:level-up", new { level = 3 }),
            Frame(EventNames.StreamEvents, new { streamId = "s_1", events = new object[] { Chat(1, "a"), new { type = "x", streamId = "s_1" } } }),
            Encoding.UTF8.GetBytes("""{"type":1,"target":"stream:events","arguments":[{"events":[{"type":"chat:mes"""),
        ];

        Assert.All(others, frame => Assert.False(EventReader.TryReadInvocation(frame, arrived: 1, events)));
        Assert.Empty(events);
    }

    [Fact]
    public void ASocketIoEventIsReadFromItsNameAndPayload()
    {
        var events = new List<LiveEvent>();
        var json = JsonSerializer.SerializeToUtf8Bytes<object[]>([EventNames.ChatMessage, Chat(9, "yo")], JsonSerializerOptions.Web);

        Assert.True(EventReader.TryReadSocketIoEvent(json, arrived: 2, events));

        Assert.Equal([new LiveEvent(EventNames.ChatMessage, "s_1", 9, "yo", null, 2)], events);
    }

    private static ChatMessageEvent Chat(long seq, string text) => new()
    {
        StreamId = "s_1", Seq = seq, Id = "m_" + seq, UserId = "u_1", Handle = "ada", Role = Role.Viewer, Text = text, Level = 2, Badges = ["first-gift"],
    };

    private static byte[] Frame(string target, object argument) => Write(new InvocationMessage(target, [argument]));

    // One record, without its 0x1E separator (the connection splits records before reading them).
    private static byte[] Write(HubMessage message)
    {
        var buffer = new ArrayBufferWriter<byte>();
        s_protocol.WriteMessage(message, buffer);
        return buffer.WrittenSpan[..^1].ToArray();
    }
}
