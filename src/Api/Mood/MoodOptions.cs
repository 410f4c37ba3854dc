using System.ComponentModel.DataAnnotations;

namespace LiveStreamX.Api.Mood;

/// <summary>The Api node's side of reactions. Section <c>LSX:Reactions</c>.</summary>
public sealed class ReactionOptions
{
    public const string Section = "LSX:Reactions";

    /// <summary>Reactions a user may send per second on a node; the excess is dropped and counted.</summary>
    [Range(1, 1_000_000)]
    public int PerUserPerSecond { get; set; } = 10;

    /// <summary>How long a node adds reactions up per stream before one call to the stream's mood grain.</summary>
    [Range(10, 5000)]
    public int WindowMilliseconds { get; set; } = 250;
}
