using Deliberation.TextAnalysis.Featurisation;

namespace Deliberation.TextAnalysis.Similarity;

/// <summary>
/// One immutable state of a similarity index: statements in ascending id order with their prepared texts and vectors,
/// and the featurizer that made the vectors. Writers build a new state and swap it in; readers never wait.
/// </summary>
internal sealed class IndexedStatements
{
    private IndexedStatements(TextFeaturizer featurizer, long[] ids, string[] texts, SparseVector[] vectors, int fittedCount, int addedSinceFit)
    {
        Featurizer = featurizer;
        Ids = ids;
        Texts = texts;
        Vectors = vectors;
        FittedCount = fittedCount;
        AddedSinceFit = addedSinceFit;
    }

    public TextFeaturizer Featurizer { get; }

    public long[] Ids { get; }

    public string[] Texts { get; }

    public SparseVector[] Vectors { get; }

    /// <summary>How many statements the featurizer was fitted on.</summary>
    public int FittedCount { get; }

    /// <summary>How many statements were added or changed since the featurizer was fitted.</summary>
    public int AddedSinceFit { get; }

    /// <summary>Fits a featurizer on the statements (sorted by id, so their order never matters) and vectorises them.</summary>
    public static IndexedStatements Fit(IEnumerable<(long Id, string PreparedText)> statements, TextAnalysisOptions options)
    {
        var sorted = statements.OrderBy(statement => statement.Id).ToArray();
        var ids = sorted.Select(statement => statement.Id).ToArray();
        var texts = sorted.Select(statement => statement.PreparedText).ToArray();
        var featurizer = TextFeaturizer.Fit(texts, options.WordNgramLength, options.CharNgramLength);
        return new IndexedStatements(featurizer, ids, texts, featurizer.Transform(texts), ids.Length, 0);
    }

    public int IndexOf(long id) => Array.BinarySearch(Ids, id);

    /// <summary>This state with one statement added or replaced, vectorised with the current vocabulary.</summary>
    public IndexedStatements With(long id, string preparedText)
    {
        var vector = Featurizer.Transform(preparedText);
        var position = IndexOf(id);
        if (position >= 0)
        {
            var texts = (string[])Texts.Clone();
            var vectors = (SparseVector[])Vectors.Clone();
            texts[position] = preparedText;
            vectors[position] = vector;
            return new IndexedStatements(Featurizer, Ids, texts, vectors, FittedCount, AddedSinceFit + 1);
        }
        var at = ~position;
        return new IndexedStatements(
            Featurizer, Insert(Ids, at, id), Insert(Texts, at, preparedText), Insert(Vectors, at, vector),
            FittedCount, AddedSinceFit + 1);
    }

    /// <summary>This state without the statement at <paramref name="position"/>.</summary>
    public IndexedStatements Without(int position) => new(
        Featurizer, RemoveAt(Ids, position), RemoveAt(Texts, position), RemoveAt(Vectors, position),
        FittedCount, AddedSinceFit);

    private static T[] Insert<T>(T[] source, int at, T item)
    {
        var result = new T[source.Length + 1];
        Array.Copy(source, 0, result, 0, at);
        result[at] = item;
        Array.Copy(source, at, result, at + 1, source.Length - at);
        return result;
    }

    private static T[] RemoveAt<T>(T[] source, int at)
    {
        var result = new T[source.Length - 1];
        Array.Copy(source, 0, result, 0, at);
        Array.Copy(source, at + 1, result, at, source.Length - at - 1);
        return result;
    }
}
