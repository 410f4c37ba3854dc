using LiveStreamX.Testing;

namespace LiveStreamX.Api.Tests.Media;

/// <summary>One Api node with a LiveKit server configured (none runs: tokens and webhooks need only its keys).</summary>
public sealed class MediaFixture : IDisposable
{
    public MediaFixture() => App = new LiveStreamXApp(LiveKit.Settings("wss://livekit.test:7880"));

    public LiveKitPeer LiveKit { get; } = LiveKitPeer.Random();

    public LiveStreamXApp App { get; }

    public void Dispose() => App.Dispose();
}
