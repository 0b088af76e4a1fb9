using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Deliberation.Domain.Statements;

/// <summary>
/// One normal form for text people type, so that limits count what a reader sees and duplicates are found whatever
/// the keyboard, copy-paste or trailing spaces produced.
/// </summary>
public static class TextNormalizer
{
    /// <summary>NFC, control and format characters removed, all whitespace runs collapsed to one space, trimmed.</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var composed = text.Normalize(NormalizationForm.FormC);
        var builder = new StringBuilder(composed.Length);
        var pendingSpace = false;
        foreach (var rune in composed.EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (IsInvisibleControl(rune))
            {
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(rune.ToString());
        }

        return builder.ToString();
    }

    /// <summary>Like <see cref="Normalize"/> but keeps line breaks (at most one blank line) for Markdown text.</summary>
    public static string NormalizeMultiline(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        var builder = new StringBuilder(text.Length);
        var blankRun = 0;
        foreach (var raw in lines)
        {
            // Markdown indentation matters (code blocks, nested lists): keep leading spaces, clean the rest.
            var indent = raw.Length - raw.TrimStart(' ').Length;
            var line = Normalize(raw);
            if (line.Length == 0)
            {
                blankRun++;
                continue;
            }

            if (builder.Length > 0)
            {
                builder.Append(blankRun > 0 ? "\n\n" : "\n");
            }

            blankRun = 0;
            builder.Append(' ', Math.Min(indent, 8)).Append(line);
        }

        return builder.ToString();
    }

    /// <summary>
    /// The duplicate key: normalised, case-folded text, hashed so that the database can index it whatever the
    /// length (a B-tree entry in PostgreSQL is limited to about 2.7 kB).
    /// </summary>
    public static string DuplicateKey(string normalizedText)
    {
        var folded = normalizedText.ToUpperInvariant().ToLowerInvariant();
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(folded)));
    }

    private static bool IsInvisibleControl(Rune rune)
    {
        var category = Rune.GetUnicodeCategory(rune);
        // Zero-width joiners are format characters but part of emoji sequences and some scripts: keep them.
        if (rune.Value is 0x200D or 0x200C)
        {
            return false;
        }

        return category is UnicodeCategory.Control or UnicodeCategory.Format
            or UnicodeCategory.Surrogate or UnicodeCategory.OtherNotAssigned or UnicodeCategory.PrivateUse;
    }
}
