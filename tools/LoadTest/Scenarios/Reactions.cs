namespace LiveStreamX.LoadTest.Scenarios;

/// <summary>The reactions of <c>mood:react</c> (docs/PROTOCOL.md), sent in turn so every mood gets its share.</summary>
internal static class Reactions
{
    public static readonly string[] Moods = ["hype", "love", "laugh", "wow", "sad", "angry"];

    public static string MoodOf(long n) => Moods[n % Moods.Length];
}
