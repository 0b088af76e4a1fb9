namespace Deliberation.TextAnalysis;

/// <summary>
/// The statements of one conversation, indexed so that a draft can be compared with all of them while a person
/// types ("vote on this one instead of repeating it") and so that moderators can be warned about near-duplicates.
/// Implementations are safe for concurrent readers and writers.
/// </summary>
public interface IStatementSimilarity
{
    /// <summary>The number of statements in the index.</summary>
    int Count { get; }

    /// <summary>
    /// The <paramref name="k"/> statements most similar to <paramref name="draft"/>, best first (ties by smaller id),
    /// leaving out those scoring below <paramref name="minScore"/> and those scoring zero.
    /// </summary>
    IReadOnlyList<SimilarStatement> FindSimilar(string draft, int k, double minScore = 0);

    /// <summary>
    /// The <paramref name="k"/> statements most similar to the indexed statement <paramref name="id"/>, without itself;
    /// empty when the id is not in the index.
    /// </summary>
    IReadOnlyList<SimilarStatement> FindSimilarTo(long id, int k, double minScore = 0);

    /// <summary>Every pair of indexed statements scoring at least <paramref name="threshold"/>, best first.</summary>
    IReadOnlyList<NearDuplicatePair> FindNearDuplicates(double threshold);

    /// <summary>
    /// Adds a statement, or replaces the text of one with the same id. Cheap: the vocabulary learnt at the last build is
    /// reused, and the index refits itself once the statements added since make up too large a share (see
    /// <see cref="TextAnalysisOptions.RefitAfterAddedShare"/>).
    /// </summary>
    void Add(StatementText statement);

    /// <summary>Removes a statement (for example one that moderators rejected); false when it was not there.</summary>
    bool Remove(long id);

    /// <summary>
    /// Learns the vocabulary and weights again from the statements now in the index; afterwards the index answers
    /// exactly as a new one built from the same statements would.
    /// </summary>
    void Refit();
}
