using Deliberation.Domain.Statements;

namespace Deliberation.Domain.Tests;

public class TextNormalizerTests
{
    [Theory]
    [InlineData("  hello   world  ", "hello world")]
    [InlineData("line one\nline two\r\n\tline three", "line one line two line three")]
    [InlineData("tab\tand\u00A0no-break space", "tab and no-break space")]
    [InlineData("bell\u0007 and null\u0000 removed", "bell and null removed")]
    [InlineData("zero\u200Bwidth", "zerowidth")]
    [InlineData("\u202Eright-to-left override", "right-to-left override")]
    [InlineData("", "")]
    [InlineData("   \t\n ", "")]
    public void Normalize_trims_collapses_whitespace_and_drops_invisible_characters(string input, string expected) =>
        Assert.Equal(expected, TextNormalizer.Normalize(input));

    [Fact]
    public void Normalize_composes_to_NFC()
    {
        var decomposed = "Cafe\u0301";
        Assert.Equal("Caf\u00E9", TextNormalizer.Normalize(decomposed));
    }

    [Fact]
    public void Normalize_keeps_emoji_sequences_and_other_scripts()
    {
        Assert.Equal("👩‍👩‍👧 family", TextNormalizer.Normalize("👩‍👩‍👧   family"));
        Assert.Equal("我們應該 支持 Uber", TextNormalizer.Normalize(" 我們應該  支持 Uber "));
        Assert.Equal("שלום עולם", TextNormalizer.Normalize("שלום   עולם"));
    }

    [Fact]
    public void Null_is_empty() => Assert.Equal("", TextNormalizer.Normalize(null));

    [Fact]
    public void Multiline_text_keeps_paragraphs_but_not_runs_of_blank_lines()
    {
        var markdown = "# Title\r\n\r\n\r\n\r\nSome   text\n  - indented item\n\n";
        Assert.Equal("# Title\n\nSome text\n  - indented item", TextNormalizer.NormalizeMultiline(markdown));
    }

    [Theory]
    [InlineData("Parks need shade", "PARKS NEED SHADE")]
    [InlineData("Ärger über Σίσυφος", "ärger ÜBER ΣΊΣΥΦΟΣ")]
    public void Duplicate_keys_ignore_case(string a, string b) =>
        Assert.Equal(TextNormalizer.DuplicateKey(a), TextNormalizer.DuplicateKey(b));

    [Fact]
    public void Duplicate_keys_differ_for_different_texts_and_have_a_fixed_length()
    {
        var one = TextNormalizer.DuplicateKey("one");
        var two = TextNormalizer.DuplicateKey("two");
        Assert.NotEqual(one, two);
        Assert.Equal(64, one.Length);
        Assert.Equal(64, TextNormalizer.DuplicateKey(new string('x', 1000)).Length);
    }
}
