using LiveStreamX.Common;
using LiveStreamX.Engagement;
using LiveStreamX.Users;

namespace LiveStreamX.Grains.Streams;

public sealed partial class StreamGrain
{
    public async Task<OverlayLayout> SetOverlayAsync(Actor actor, OverlayLayout layout)
    {
        EnsureMayManage(actor, Info);
        var errors = OverlayRules.Check(layout);
        if (errors.Count > 0)
        {
            throw DomainException.InvalidInput(errors);
        }

        await PublishAsync(new OverlayUpdated { StreamId = Id, Layout = layout }, _ => _overlay.CommitAsync(new StreamOverlayState { Overlay = layout }));
        return layout;
    }

    public Task<OverlayLayout> GetOverlayAsync() => Task.FromResult(_overlay.State.Overlay);
}
