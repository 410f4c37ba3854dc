using LiveStreamX.Common;
using LiveStreamX.Grains.Moderation;
using LiveStreamX.Moderation;

namespace LiveStreamX.Grains.Tests.Moderation;

/// <summary>Blocked terms are found after normalisation, as whole words, and only there.</summary>
public sealed class BlockedTermsMatchEvasions
{
    [Theory]
    [InlineData("you are a troll")]
    [InlineData("you are a TROLL")]
    [InlineData("you are a tróll")]
    [InlineData("you are a tr0ll")]
    [InlineData("you are a 7r0|1")]
    [InlineData("you are a t r o l l")]
    [InlineData("you are a t.r.o.l.l")]
    [InlineData("you are a tro-ll")]
    [InlineData("you are a trooooll")]
    [InlineData("you are a tr\u200Boll")]
    [InlineData("you are a trоll")] // Cyrillic о
    [InlineData("you are a ｔｒｏｌｌ")] // full-width letters
    [InlineData("you are a \U0001D42D\U0001D42B\U0001D428\U0001D425\U0001D425")] // mathematical bold
    [InlineData("TROLL!!!")]
    public void ATermIsFoundThroughEvasions(string text) =>
        Assert.True(TermMatcher.Contains(text, "troll"));

    [Theory]
    [InlineData("trolley problems")]
    [InlineData("a controller")]
    [InlineData("nothing to see")]
    public void ATermInsideAnotherWordIsNotFound(string text) =>
        Assert.False(TermMatcher.Contains(text, "troll"));

    [Fact]
    public void ATrailingStarMatchesWordStarts()
    {
        Assert.True(TermMatcher.Contains("such trolling today", "troll*"));
        Assert.True(TermMatcher.Contains("such t r o l l i n g", "troll*"));
        Assert.False(TermMatcher.Contains("a controller", "troll*"));
    }

    [Fact]
    public void APhraseMatchesWhateverTheSpacing()
    {
        Assert.True(TermMatcher.Contains("go a w a y now", "go away"));
        Assert.True(TermMatcher.Contains("GO-AWAY", "go away"));
        Assert.False(TermMatcher.Contains("go far away", "go away"));
    }

    [Fact]
    public void ADropTermWinsOverAHoldTerm()
    {
        var found = TermMatcher.FindFirst("spam and scam", [new BlockedTerm("spam", TermAction.Hold), new BlockedTerm("scam", TermAction.Drop)]);
        Assert.Equal("scam", found?.Term);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("!!!")]
    [InlineData("*")]
    public void ATermWithoutLettersIsRefused(string term)
    {
        var error = Assert.Throws<DomainException>(() => TermMatcher.Validate([new BlockedTerm(term, TermAction.Drop)]));
        Assert.Equal(ErrorCodes.InvalidInput, error.Code);
        Assert.Equal("terms[0].term", error.Field);
    }

    [Fact]
    public void TermsThatNormaliseAlikeAreKeptOnce() =>
        Assert.Single(TermMatcher.Validate([new BlockedTerm("Troll", TermAction.Drop), new BlockedTerm("tr0ll", TermAction.Hold)]));
}
