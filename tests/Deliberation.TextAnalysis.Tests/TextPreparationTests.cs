using Deliberation.TextAnalysis.Featurisation;

namespace Deliberation.TextAnalysis.Tests;

public sealed class TextPreparationTests
{
    [Theory]
    [InlineData("bus,train", "bus train")]
    [InlineData("Straßenbahn-Ausbau!", "Straßenbahn Ausbau")]
    [InlineData("don't  stop\n\tnow", "dont stop now")]
    [InlineData("ＵＢＥＲ　１２３", "UBER 123")] // full-width forms
    [InlineData("計程車，很好", "計 程 車 很 好")]
    [InlineData("\u200Fשלום\u200E", "שלום")]
    [InlineData("🙂🙂", "")]
    [InlineData(null, "")]
    public void Punctuation_spaces_and_scripts_are_made_uniform(string? text, string expected)
    {
        Assert.Equal(expected, TextPreparation.Prepare(text, 1000));
    }

    [Fact]
    public void Cut_never_splits_an_emoji_and_lone_surrogates_do_not_throw()
    {
        Assert.Equal("ab", TextPreparation.Prepare("ab🙂cd", 3));
        Assert.Equal("a b", TextPreparation.Prepare("a\uD83Db", 100));
    }
}
