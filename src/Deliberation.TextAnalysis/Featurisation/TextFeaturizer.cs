using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Text;

namespace Deliberation.TextAnalysis.Featurisation;

/// <summary>
/// ML.NET's text featurisation fitted on one conversation: lower case, no diacritics, word n-grams and character
/// n-grams (1 up to a length), each weighted TF-IDF against the conversation and L2-normalised per block (ML.NET normalises the word and
/// the character block separately, so the cosine of two outputs is the mean of a word and a character cosine).
/// Texts must have gone through <see cref="TextPreparation"/> first.
/// </summary>
internal sealed class TextFeaturizer
{
    private const string TextColumn = nameof(TextRow.Text);
    private const string FeaturesColumn = nameof(FeatureRow.Features);

    private readonly MLContext? _ml;
    private readonly ITransformer? _model;
    private readonly PredictionEngine<TextRow, FeatureRow>? _engine;
    private readonly Lock _engineLock = new();
    private readonly Lazy<string[]> _slotNames;

    private TextFeaturizer(MLContext? ml, ITransformer? model, int dimension)
    {
        _ml = ml;
        _model = model;
        Dimension = dimension;
        _engine = ml is null || model is null ? null : ml.Model.CreatePredictionEngine<TextRow, FeatureRow>(model);
        _slotNames = new Lazy<string[]>(ReadSlotNames);
    }

    /// <summary>The length of every vector; the size of the vocabulary of n-grams.</summary>
    public int Dimension { get; }

    /// <summary>
    /// ML.NET's slot names: with both blocks, "Word.bus|lane" for the word pair "bus lane" and "Char.b|u|s" for the
    /// characters "bus" (&lt;␠&gt; for a space); with words only, "bus|lane" without a prefix.
    /// </summary>
    public IReadOnlyList<string> SlotNames => _slotNames.Value;

    /// <summary>
    /// Fits the vocabulary and inverse document frequencies on <paramref name="preparedTexts"/>;
    /// <paramref name="charNgramLength"/> 0 leaves out character n-grams; <paramref name="stopWords"/> (lower case) are
    /// dropped before words are counted.
    /// </summary>
    public static TextFeaturizer Fit(
        IReadOnlyList<string> preparedTexts, int wordNgramLength, int charNgramLength,
        IReadOnlyCollection<string>? stopWords = null)
    {
        // ML.NET cannot fit a vocabulary on nothing; a featurizer without one maps every text to the empty vector.
        if (preparedTexts.All(string.IsNullOrEmpty))
            return new TextFeaturizer(null, null, 0);

        var ml = new MLContext(seed: 0);
        // ML.NET's IDF is log(N / df): a word in every text weighs 0, so a one-statement index would match nothing.
        // One empty text more (N + 1) keeps every word's weight positive, the smoothing other TF-IDF libraries apply.
        var training = preparedTexts.Append(string.Empty).Select(text => new TextRow { Text = text });
        var data = ml.Data.LoadFromEnumerable(training);
        var model = ml.Transforms.Text.FeaturizeText(FeaturesColumn, CreateOptions(wordNgramLength, charNgramLength, stopWords), TextColumn).Fit(data);
        var type = (VectorDataViewType)model.GetOutputSchema(data.Schema)[FeaturesColumn].Type;
        return new TextFeaturizer(ml, model, type.Size);
    }

    private static TextFeaturizingEstimator.Options CreateOptions(
        int wordNgramLength, int charNgramLength, IReadOnlyCollection<string>? stopWords) => new()
    {
        CaseMode = TextNormalizingEstimator.CaseMode.Lower,
        // Diacritics go for similarity ("fur" matches "für" typed without umlaut) but stay with a stop-word list,
        // whose entries have them, so that "für" is found there.
        KeepDiacritics = stopWords is { Count: > 0 },
        KeepPunctuations = false,
        KeepNumbers = true,
        StopWordsRemoverOptions = stopWords is { Count: > 0 } ? new CustomStopWordsRemovingEstimator.Options { StopWords = [.. stopWords] } : null,
        WordFeatureExtractor = new WordBagEstimator.Options
        {
            NgramLength = wordNgramLength,
            UseAllLengths = true,
            Weighting = NgramExtractingEstimator.WeightingCriteria.TfIdf,
        },
        CharFeatureExtractor = charNgramLength == 0 ? null : new WordBagEstimator.Options
        {
            NgramLength = charNgramLength,
            UseAllLengths = true,
            Weighting = NgramExtractingEstimator.WeightingCriteria.TfIdf,
        },
        Norm = TextFeaturizingEstimator.NormFunction.L2,
    };

    /// <summary>Vectors of many texts at once, in their order.</summary>
    public SparseVector[] Transform(IReadOnlyList<string> preparedTexts)
    {
        var vectors = new SparseVector[preparedTexts.Count];
        if (_ml is null || _model is null)
        {
            Array.Fill(vectors, SparseVector.Empty);
            return vectors;
        }
        var data = _ml.Data.LoadFromEnumerable(preparedTexts.Select(text => new TextRow { Text = text }));
        var output = _model.Transform(data);
        var column = output.Schema[FeaturesColumn];
        using var cursor = output.GetRowCursor([column]);
        var getter = cursor.GetGetter<VBuffer<float>>(column);
        var buffer = default(VBuffer<float>);
        var row = 0;
        while (cursor.MoveNext())
        {
            getter(ref buffer);
            vectors[row++] = ToSparse(buffer);
        }
        return vectors;
    }

    /// <summary>The vector of one text; n-grams outside the fitted vocabulary are ignored.</summary>
    public SparseVector Transform(string preparedText)
    {
        if (_engine is null || preparedText.Length == 0)
            return SparseVector.Empty;
        // A PredictionEngine is cheap per call but not thread-safe; queries are short, so they take turns.
        lock (_engineLock)
        {
            var row = _engine.Predict(new TextRow { Text = preparedText });
            return ToSparse(row.Features);
        }
    }

    private static SparseVector ToSparse(VBuffer<float> buffer)
    {
        var indices = new List<int>();
        var values = new List<float>();
        foreach (var item in buffer.Items())
        {
            if (item.Value == 0)
                continue; // an n-gram found in every text has IDF 0
            indices.Add(item.Key);
            values.Add(item.Value);
        }
        return new SparseVector([.. indices], [.. values]);
    }

    private string[] ReadSlotNames()
    {
        if (_ml is null || _model is null)
            return [];
        var schema = _model.GetOutputSchema(SchemaDefinition(_ml));
        var names = default(VBuffer<ReadOnlyMemory<char>>);
        schema[FeaturesColumn].GetSlotNames(ref names);
        return names.DenseValues().Select(name => name.ToString()).ToArray();
    }

    private static DataViewSchema SchemaDefinition(MLContext ml) =>
        ml.Data.LoadFromEnumerable(Array.Empty<TextRow>()).Schema;

    private sealed class TextRow
    {
        public string Text { get; set; } = string.Empty;
    }

    private sealed class FeatureRow
    {
        public VBuffer<float> Features { get; set; }
    }
}
