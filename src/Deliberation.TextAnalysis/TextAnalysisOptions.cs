namespace Deliberation.TextAnalysis;

/// <summary>Settings of the default (TF-IDF) text analysis. The defaults are the ones measured in docs/text-analysis.md.</summary>
public sealed class TextAnalysisOptions
{
    /// <summary>
    /// Similarity: word n-grams from 1 up to this length. 1 (single words) separated the labelled near-duplicates best:
    /// rephrasings reorder words, which breaks word pairs (docs/decisions/0200-text-analysis.md).
    /// </summary>
    public int WordNgramLength { get; set; } = 1;

    /// <summary>
    /// Similarity: character n-grams from 1 up to this length, so typos, inflections, German compounds and
    /// Chinese (which has no spaces between words) still share features with their parts.
    /// </summary>
    public int CharNgramLength { get; set; } = 4;

    /// <summary>Topics: word n-grams from 1 up to this length; 2 lets a topic be named by a phrase ("bike lanes").</summary>
    public int TopicWordNgramLength { get; set; } = 2;

    /// <summary>Texts are cut to this many characters before featurisation, so one huge paste cannot stall a request.</summary>
    public int MaxTextLength { get; set; } = 5000;

    /// <summary>
    /// An index refits its vocabulary once the statements added since the last fit exceed this share of those it was
    /// fitted on. Until then, words that only the added statements use are not seen.
    /// </summary>
    public double RefitAfterAddedShare { get; set; } = 0.25;

    /// <summary>Smallest number of topics the topic model tries when it chooses the number itself.</summary>
    public int MinTopics { get; set; } = 3;

    /// <summary>Largest number of topics the topic model tries when it chooses the number itself.</summary>
    public int MaxTopics { get; set; } = 8;

    /// <summary>Number of distinctive terms that name a topic.</summary>
    public int TermsPerTopic { get; set; } = 4;

    /// <summary>Seed of the topic model's k-means initialisation; the same seed and input give the same topics.</summary>
    public int Seed { get; set; } = 20240501;

    /// <summary>K-means runs from this many different starts per number of topics; the tightest one is kept.</summary>
    public int KMeansRestarts { get; set; } = 3;

    internal void Validate()
    {
        Require(WordNgramLength is >= 1 and <= 3, nameof(WordNgramLength), "must be 1, 2 or 3");
        Require(TopicWordNgramLength is >= 1 and <= 3, nameof(TopicWordNgramLength), "must be 1, 2 or 3");
        Require(CharNgramLength is >= 1 and <= 8, nameof(CharNgramLength), "must be between 1 and 8");
        Require(MaxTextLength >= 1, nameof(MaxTextLength), "must be positive");
        Require(RefitAfterAddedShare > 0, nameof(RefitAfterAddedShare), "must be positive");
        Require(MinTopics >= 1 && MaxTopics >= MinTopics, nameof(MaxTopics), "needs 1 <= MinTopics <= MaxTopics");
        Require(TermsPerTopic >= 1, nameof(TermsPerTopic), "must be positive");
        Require(KMeansRestarts >= 1, nameof(KMeansRestarts), "must be positive");
    }

    private static void Require(bool condition, string name, string message)
    {
        if (!condition)
            throw new ArgumentOutOfRangeException(name, $"{name} {message}.");
    }
}
