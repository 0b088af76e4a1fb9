using System.Text;
using Deliberation.TextAnalysis.Featurisation;

namespace Deliberation.TextAnalysis.Topics;

/// <summary>A candidate topic name: how people spelled it, and the normalised words of its slot.</summary>
internal sealed record Term(string Text, IReadOnlyList<string> Words);

/// <summary>
/// Turns ML.NET word slot names back into words people wrote. ML.NET's vocabulary is lower case ("bowling green");
/// each word is shown in the spelling the statements use most ("Bowling Green").
/// </summary>
internal sealed class ReadableTerms
{
    private readonly Dictionary<string, string> _spellings;

    public ReadableTerms(IEnumerable<string> preparedTexts)
    {
        var counts = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        foreach (var word in preparedTexts.SelectMany(text => text.Split(' ', StringSplitOptions.RemoveEmptyEntries)))
        {
            var key = Normalise(word);
            if (!counts.TryGetValue(key, out var forms))
                counts[key] = forms = new Dictionary<string, int>(StringComparer.Ordinal);
            forms[word] = forms.GetValueOrDefault(word) + 1;
        }
        _spellings = counts.ToDictionary(
            pair => pair.Key,
            pair => pair.Value.OrderByDescending(form => form.Value).ThenBy(form => form.Key, StringComparer.Ordinal).First().Key,
            StringComparer.Ordinal);
    }

    /// <summary>
    /// The term of a slot of a words-only featurizer ("bike|lanes" → "bike lanes"; Chinese characters, words of their
    /// own in the prepared text, are joined without spaces); null for numbers, single letters and single Chinese
    /// characters, which name nothing on their own.
    /// </summary>
    public Term? Read(string slotName)
    {
        var words = slotName.Split('|');
        if (words.All(word => word.All(char.IsDigit)) || (words.Length == 1 && words[0].EnumerateRunes().Count() == 1))
            return null;
        return new Term(JoinWords(words.Select(word => _spellings.GetValueOrDefault(word, word))), words);
    }

    private static string JoinWords(IEnumerable<string> words)
    {
        var builder = new StringBuilder();
        var previousIsIdeograph = false;
        foreach (var word in words)
        {
            var isIdeograph = IsIdeograph(word);
            if (builder.Length > 0 && !(isIdeograph && previousIsIdeograph))
                builder.Append(' ');
            builder.Append(word);
            previousIsIdeograph = isIdeograph;
        }
        return builder.ToString();
    }

    private static bool IsIdeograph(string word) =>
        Rune.TryGetRuneAt(word, 0, out var rune) && TextPreparation.IsUnspacedScript(rune);

    /// <summary>The key ML.NET's normaliser gives a word in the topic featurizer: lower case.</summary>
    private static string Normalise(string word) => word.ToLowerInvariant();
}
