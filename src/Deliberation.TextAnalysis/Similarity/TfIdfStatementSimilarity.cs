using System.Buffers;
using Deliberation.TextAnalysis.Featurisation;

namespace Deliberation.TextAnalysis.Similarity;

/// <summary>
/// Cosine similarity of ML.NET TF-IDF vectors (words and character 1–4-grams by default) over one conversation's
/// statements. Queries compare the draft with every statement: with a few hundred non-zero entries per vector that is
/// well under a millisecond for a thousand statements, so no approximate index is needed.
/// </summary>
public sealed class TfIdfStatementSimilarity : IStatementSimilarity
{
    /// <summary>
    /// A threshold for <see cref="FindNearDuplicates"/> warnings: on the labelled pairs about nine warnings in ten were
    /// real near-duplicates (docs/text-analysis.md). Rephrasings in other words mostly score lower.
    /// </summary>
    public const double DefaultNearDuplicateThreshold = 0.75;

    private readonly TextAnalysisOptions _options;
    private readonly Lock _writeLock = new();
    private volatile IndexedStatements _state;

    /// <summary>Indexes <paramref name="statements"/>; their order does not matter.</summary>
    /// <exception cref="ArgumentException">Two statements have the same id.</exception>
    public TfIdfStatementSimilarity(IEnumerable<StatementText> statements, TextAnalysisOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(statements);
        _options = options ?? new TextAnalysisOptions();
        _options.Validate();
        var prepared = Prepare(statements, _options);
        _state = IndexedStatements.Fit(prepared, _options);
    }

    /// <inheritdoc />
    public int Count => _state.Ids.Length;

    /// <summary>Statements added or changed since the vocabulary was last fitted (see <see cref="Refit"/>).</summary>
    public int AddedSinceFit => _state.AddedSinceFit;

    /// <inheritdoc />
    public IReadOnlyList<SimilarStatement> FindSimilar(string draft, int k, double minScore = 0)
    {
        if (k <= 0)
            return [];
        var state = _state;
        var query = state.Featurizer.Transform(TextPreparation.Prepare(draft, _options.MaxTextLength));
        return Rank(state, query, k, minScore, excludePosition: -1);
    }

    /// <inheritdoc />
    public IReadOnlyList<SimilarStatement> FindSimilarTo(long id, int k, double minScore = 0)
    {
        var state = _state;
        var position = state.IndexOf(id);
        if (k <= 0 || position < 0)
            return [];
        return Rank(state, state.Vectors[position], k, minScore, excludePosition: position);
    }

    /// <inheritdoc />
    public IReadOnlyList<NearDuplicatePair> FindNearDuplicates(double threshold)
    {
        var state = _state;
        var pairs = new List<NearDuplicatePair>();
        var dense = RentDense(state);
        try
        {
            for (var i = 0; i < state.Vectors.Length; i++)
            {
                var first = state.Vectors[i];
                if (first.IsEmpty)
                    continue;
                first.ScatterInto(dense);
                for (var j = i + 1; j < state.Vectors.Length; j++)
                {
                    var second = state.Vectors[j];
                    var score = SparseVector.Cosine(second.Dot(dense), first, second);
                    if (score > 0 && score >= threshold)
                        pairs.Add(new NearDuplicatePair(state.Ids[i], state.Ids[j], score));
                }
                first.ClearFrom(dense);
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(dense);
        }
        // Ids ascend with positions, so pairs are already in id order; a stable sort by score keeps it for ties.
        return [.. pairs.OrderByDescending(pair => pair.Score)];
    }

    /// <inheritdoc />
    public void Add(StatementText statement)
    {
        var prepared = TextPreparation.Prepare(statement.Text, _options.MaxTextLength);
        lock (_writeLock)
        {
            var next = _state.With(statement.Id, prepared);
            _state = NeedsRefit(next) ? IndexedStatements.Fit(Entries(next), _options) : next;
        }
    }

    /// <inheritdoc />
    public bool Remove(long id)
    {
        lock (_writeLock)
        {
            var position = _state.IndexOf(id);
            if (position < 0)
                return false;
            _state = _state.Without(position);
            return true;
        }
    }

    /// <inheritdoc />
    public void Refit()
    {
        lock (_writeLock)
            _state = IndexedStatements.Fit(Entries(_state), _options);
    }

    private bool NeedsRefit(IndexedStatements state) =>
        state.AddedSinceFit > _options.RefitAfterAddedShare * state.FittedCount;

    private static IReadOnlyList<SimilarStatement> Rank(
        IndexedStatements state, SparseVector query, int k, double minScore, int excludePosition)
    {
        if (query.IsEmpty)
            return [];
        var scored = new List<SimilarStatement>();
        var dense = RentDense(state);
        try
        {
            query.ScatterInto(dense);
            for (var i = 0; i < state.Vectors.Length; i++)
            {
                if (i == excludePosition)
                    continue;
                var score = SparseVector.Cosine(state.Vectors[i].Dot(dense), query, state.Vectors[i]);
                if (score > 0 && score >= minScore)
                    scored.Add(new SimilarStatement(state.Ids[i], score));
            }
            query.ClearFrom(dense);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(dense);
        }
        // Positions ascend with ids, so the stable sort leaves ties in id order.
        return [.. scored.OrderByDescending(item => item.Score).Take(k)];
    }

    private static float[] RentDense(IndexedStatements state)
    {
        // Pooled arrays may hold old values; every use clears exactly what it wrote, so clear once on rent.
        var dense = ArrayPool<float>.Shared.Rent(System.Math.Max(state.Featurizer.Dimension, 1));
        Array.Clear(dense);
        return dense;
    }

    private static IEnumerable<(long Id, string PreparedText)> Entries(IndexedStatements state) =>
        state.Ids.Select((id, position) => (id, state.Texts[position]));

    private static IEnumerable<(long Id, string PreparedText)> Prepare(IEnumerable<StatementText> statements, TextAnalysisOptions options)
    {
        var seen = new HashSet<long>();
        var prepared = new List<(long, string)>();
        foreach (var statement in statements)
        {
            if (!seen.Add(statement.Id))
                throw new ArgumentException($"Statement id {statement.Id} appears more than once.", nameof(statements));
            prepared.Add((statement.Id, TextPreparation.Prepare(statement.Text, options.MaxTextLength)));
        }
        return prepared;
    }
}
