using System.Globalization;
using System.Text;

namespace Deliberation.TextAnalysis.Featurisation;

/// <summary>
/// Cleans a text before ML.NET's normaliser sees it. ML.NET deletes punctuation (gluing "bus,train" into "bustrain"),
/// splits words on spaces only, and would read a whole Chinese sentence as one word; so punctuation, symbols and every
/// kind of white space become single spaces, and each Chinese or Japanese character becomes a word of its own: ML.NET's
/// word n-grams are then character n-grams, the usual way to index text that has no spaces without a dictionary.
/// </summary>
internal static class TextPreparation
{
    public static string Prepare(string? text, int maxLength)
    {
        if (string.IsNullOrEmpty(text))
            return string.Empty;
        var valid = ReplaceBrokenSurrogates(Cut(text, maxLength));
        // Compatibility forms: full-width Latin and digits, ligatures, superscripts read as their plain letters.
        var composed = valid.Normalize(NormalizationForm.FormKC);
        var builder = new StringBuilder(composed.Length + 16);
        foreach (var rune in composed.EnumerateRunes())
            Append(builder, rune);
        return builder.ToString().Trim();
    }

    private static string Cut(string text, int maxLength)
    {
        if (text.Length <= maxLength)
            return text;
        var end = char.IsHighSurrogate(text[maxLength - 1]) ? maxLength - 1 : maxLength;
        return text[..end];
    }

    private static string ReplaceBrokenSurrogates(string text)
    {
        // Normalize() throws on a lone surrogate (a cut emoji); rune enumeration turns it into U+FFFD instead.
        if (!text.Any(char.IsSurrogate))
            return text;
        var builder = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
            builder.Append(rune.ToString());
        return builder.ToString();
    }

    private static void Append(StringBuilder builder, Rune rune)
    {
        if (IsApostrophe(rune))
            return; // "don't" stays one word, as ML.NET would make it
        var category = Rune.GetUnicodeCategory(rune);
        if (category == UnicodeCategory.Format)
            return; // bidi marks, zero-width joiners, byte order marks carry no words
        if (IsSeparator(rune, category))
        {
            AppendSpace(builder);
            return;
        }
        if (IsUnspacedScript(rune))
        {
            AppendSpace(builder);
            builder.Append(rune.ToString());
            builder.Append(' ');
            return;
        }
        builder.Append(rune.ToString());
    }

    private static void AppendSpace(StringBuilder builder)
    {
        if (builder.Length > 0 && builder[^1] != ' ')
            builder.Append(' ');
    }

    private static bool IsApostrophe(Rune rune) => rune.Value is '\'' or '\u2019' or '\u02BC' or '`';

    private static bool IsSeparator(Rune rune, UnicodeCategory category) =>
        Rune.IsWhiteSpace(rune) || Rune.IsControl(rune) || Rune.IsPunctuation(rune) || Rune.IsSymbol(rune)
        || category is UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned;

    // Scripts written without spaces between words: Han, Hiragana, Katakana, Bopomofo.
    public static bool IsUnspacedScript(Rune rune) => rune.Value switch
    {
        >= 0x3040 and <= 0x30FF => true,   // Hiragana, Katakana
        >= 0x3100 and <= 0x312F => true,   // Bopomofo
        >= 0x3400 and <= 0x4DBF => true,   // CJK Extension A
        >= 0x4E00 and <= 0x9FFF => true,   // CJK Unified Ideographs
        >= 0xF900 and <= 0xFAFF => true,   // CJK Compatibility Ideographs
        >= 0x20000 and <= 0x3134F => true, // CJK Extensions B–G
        _ => false,
    };
}
