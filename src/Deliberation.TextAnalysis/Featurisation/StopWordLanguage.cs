using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Text;

namespace Deliberation.TextAnalysis.Featurisation;

/// <summary>
/// Finds a conversation's function words with ML.NET's stop-word lists: the list of the language that removes the most
/// of its words wins, and the words it removed become the conversation's stop words. Topic clusters otherwise form
/// around "ist", "das", "can" and "the"; similarity does not need this, since there both texts share the same function
/// words. Conversations in a language without a list (Chinese) get none.
/// </summary>
internal static class StopWordLanguage
{
    // Below this share of removed words no list fits.
    private const double MinimumCoverage = 0.15;

    private static readonly StopWordsRemovingEstimator.Language[] Candidates =
    [
        StopWordsRemovingEstimator.Language.English, StopWordsRemovingEstimator.Language.German,
        StopWordsRemovingEstimator.Language.French, StopWordsRemovingEstimator.Language.Spanish,
        StopWordsRemovingEstimator.Language.Italian, StopWordsRemovingEstimator.Language.Dutch,
        StopWordsRemovingEstimator.Language.Portuguese,
    ];

    /// <summary>The lower-case words of <paramref name="preparedTexts"/> that the best-fitting list removes, sorted.</summary>
    public static string[] StopWordsOf(IReadOnlyList<string> preparedTexts)
    {
        var rows = preparedTexts
            .Select(text => new TokenRow { Tokens = text.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries) })
            .Where(row => row.Tokens.Length > 0)
            .ToArray();
        var total = rows.Sum(row => row.Tokens.Length);
        if (total == 0)
            return [];

        var vocabulary = rows.SelectMany(row => row.Tokens).ToHashSet(StringComparer.Ordinal);
        var ml = new MLContext(seed: 0);
        var data = ml.Data.LoadFromEnumerable(rows);
        string[] best = [];
        var bestRemoved = (int)(MinimumCoverage * total);
        foreach (var language in Candidates)
        {
            var (keptCount, kept) = Kept(ml, data, language);
            if (total - keptCount > bestRemoved)
            {
                bestRemoved = total - keptCount;
                best = [.. vocabulary.Where(word => !kept.Contains(word)).Order(StringComparer.Ordinal)];
            }
        }
        return best;
    }

    private static (int Count, HashSet<string> Words) Kept(MLContext ml, IDataView data, StopWordsRemovingEstimator.Language language)
    {
        var output = ml.Transforms.Text.RemoveDefaultStopWords("Kept", nameof(TokenRow.Tokens), language).Fit(data).Transform(data);
        var column = output.Schema["Kept"];
        using var cursor = output.GetRowCursor([column]);
        var getter = cursor.GetGetter<VBuffer<ReadOnlyMemory<char>>>(column);
        var buffer = default(VBuffer<ReadOnlyMemory<char>>);
        var count = 0;
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (cursor.MoveNext())
        {
            getter(ref buffer);
            count += buffer.Length;
            foreach (var word in buffer.DenseValues())
                words.Add(word.ToString());
        }
        return (count, words);
    }

    private sealed class TokenRow
    {
        [VectorType]
        public string[] Tokens { get; set; } = [];
    }
}
