using Microsoft.AspNetCore.SignalR;

namespace LiveStreamX.Testing;

/// <summary>Asserts that a hub call failed with a stable code.</summary>
public static class HubErrors
{
    public static async Task<string> CodeOf(Func<Task> call)
    {
        var error = await Xunit.Assert.ThrowsAsync<HubException>(call);
        var marker = "HubException: ";
        var message = error.Message;
        var start = message.IndexOf(marker, StringComparison.Ordinal);
        var text = start >= 0 ? message[(start + marker.Length)..] : message;
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 ? text[..colon] : text;
    }
}
