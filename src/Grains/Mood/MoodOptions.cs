using System.ComponentModel.DataAnnotations;

namespace LiveStreamX.Grains.Mood;

/// <summary>How a stream's mood is computed. Section <c>LSX:Mood</c>.</summary>
public sealed class MoodOptions
{
    public const string Section = "LSX:Mood";

    /// <summary>Reactions lose half their weight in this time.</summary>
    [Range(0.5, 600)]
    public double HalfLifeSeconds { get; set; } = 5;

    /// <summary>The shortest time between two <c>mood:state</c> events of a stream.</summary>
    [Range(50, 60_000)]
    public int MinIntervalMilliseconds { get; set; } = 250;

    /// <summary>The total reaction rate at which intensity reaches 1 − 1/e (about 0.63).</summary>
    [Range(0.1, 1_000_000)]
    public double IntensityScale { get; set; } = 20;

    /// <summary>A change of intensity smaller than this (and the same dominant mood) is not announced.</summary>
    [Range(0, 1)]
    public double NoticeableChange { get; set; } = 0.05;
}
