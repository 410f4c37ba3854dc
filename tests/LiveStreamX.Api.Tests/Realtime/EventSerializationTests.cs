using System.Text.Json;
using LiveStreamX.Streams;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LiveStreamX.Api.Tests.Realtime;

/// <summary>
/// Every stream event type must serialise with the hub's JSON options: a type that does not would abort every
/// viewer's connection on its first send.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class EventSerializationTests(AppFixture fixture)
{
    public static TheoryData<Type> EventTypes()
    {
        var data = new TheoryData<Type>();
        foreach (var type in typeof(StreamEvent).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(StreamEvent)) && !t.IsAbstract))
        {
            data.Add(type);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EventTypes))]
    public void EveryStreamEventSerialisesWithItsTypeAndSeq(Type eventType)
    {
        var options = fixture.App.Services.GetRequiredService<IOptions<JsonHubProtocolOptions>>().Value.PayloadSerializerOptions;
        var info = options.GetTypeInfo(eventType);
        Assert.NotNull(info);

        var instance = System.Runtime.CompilerServices.RuntimeHelpers.GetUninitializedObject(eventType);
        var json = JsonSerializer.SerializeToElement(instance, eventType, options);
        Assert.True(json.TryGetProperty("type", out _));
        Assert.True(json.TryGetProperty("seq", out _));
        Assert.True(json.TryGetProperty("streamId", out _));
    }
}
