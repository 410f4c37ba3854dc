using LiveStreamX.Common;
using LiveStreamX.Streams;
using LiveStreamX.Users;

namespace LiveStreamX.Api.Demo;

/// <summary>
/// Seeds a creator <c>demo</c> with a live stream "Welcome to LiveStreamX", so a newcomer sees a working page at
/// once. Idempotent: it leaves an existing stream as it is.
/// </summary>
internal sealed partial class DemoData(IGrainFactory grains, ILogger<DemoData> logger) : IHostedService
{
    public const string StreamId = "s_welcome";
    public const string CreatorHandle = "demo";

    /// <summary>The token packs of a fresh demo: bonus tokens on the larger ones.</summary>
    public static readonly Payments.TokenPack[] DefaultPacks =
    [
        new("starter", "Starter", 500, 0, 499, "usd", true),
        new("fan", "Fan", 1000, 100, 999, "usd", true),
        new("superfan", "Superfan", 2500, 500, 2499, "usd", true),
        new("legend", "Legend", 5000, 1500, 4999, "usd", true),
    ];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var creator = await grains.Get<IHandleGrain>(CreatorHandle).ClaimAsync(CreatorHandle, Role.Creator);
        var stream = grains.Get<IStreamGrain>(StreamId);
        if (await stream.GetAsync() is not null)
        {
            return;
        }

        var actor = creator.ToActor();
        await stream.CreateAsync(new CreateStream(actor, "Welcome to LiveStreamX", "Just chatting"));
        await stream.MoveToAsync(actor, StreamStatus.Live);
        await grains.Get<IUserGrain>(creator.Id).SendChatAsync(StreamId, "Welcome! Say hi in the chat 👋");
        await grains.Get<Payments.ITokenPackCatalogGrain>(0).SeedAsync(DefaultPacks);
        LogSeeded(logger, StreamId);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data: creator 'demo' is live in stream {StreamId}")]
    private static partial void LogSeeded(ILogger logger, string streamId);
}
