namespace LiveStreamX.Grains.Mood;

/// <summary>What a stream's mood grain persists: exact totals and the creator's theme switch.</summary>
[GenerateSerializer, Alias("lsx.MoodState")]
public sealed record MoodState
{
    /// <summary>Every reaction ever counted, per mood (indexed by <see cref="LiveStreamX.Mood.MoodKind"/>).</summary>
    [Id(0)] public long[] Totals { get; init; } = new long[6];

    [Id(1)] public bool ThemeEnabled { get; init; } = true;
}
