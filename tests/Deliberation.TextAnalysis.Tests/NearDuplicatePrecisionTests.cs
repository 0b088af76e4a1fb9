using Deliberation.TextAnalysis.Similarity;
using Deliberation.TextAnalysis.Tests.Helpers;
using Xunit.Abstractions;

namespace Deliberation.TextAnalysis.Tests;

/// <summary>
/// Precision and recall on tests/fixtures/text/near-duplicates.csv. The floors are the figures measured when the
/// defaults were chosen (docs/text-analysis.md), so a change that makes matching worse fails here.
/// </summary>
public sealed class NearDuplicatePrecisionTests(ITestOutputHelper output)
{
    private static readonly TfIdfStatementSimilarityFactory Factory = new();

    // The replay refits when the index has doubled rather than grown by a quarter, to keep the suite fast; the
    // vocabulary is staler than in the app, so these figures understate the default slightly.
    private static readonly TfIdfStatementSimilarityFactory ReplayFactory = new(new TextAnalysisOptions { RefitAfterAddedShare = 1 });

    [Fact]
    public void Labelled_set_refers_to_real_statements_in_three_languages()
    {
        var pairs = LabelledPairs.Load();

        Assert.InRange(pairs.Count, 40, 80);
        Assert.All(pairs, pair =>
        {
            Assert.NotEqual(pair.Earlier, pair.Later);
            PolisComments.TextOf(pair.Conversation, pair.Earlier);
            PolisComments.TextOf(pair.Conversation, pair.Later);
        });
        Assert.Contains(pairs, p => p.Conversation == PolisComments.Austria && p.IsNearDuplicate);
        Assert.Contains(pairs, p => p.Conversation == PolisComments.Taiwan && p.IsNearDuplicate);
        Assert.Equal(pairs.Count, pairs.Distinct().Count());
    }

    [Fact]
    public void Write_flow_shows_the_statement_a_draft_repeats()
    {
        var figures = NearDuplicateEvaluation.ReplayWriteFlow(ReplayFactory, LabelledPairs.Load());
        output.WriteLine(figures.ToString());

        Assert.True(figures.PrecisionAt1 >= 0.95, $"precision@1 {figures.PrecisionAt1:P1}");
        Assert.True(figures.RecallAt3 >= 0.97, $"recall@3 {figures.RecallAt3:P1}");
    }

    [Fact]
    public void Near_duplicate_warnings_at_the_default_threshold_are_mostly_right()
    {
        var scores = NearDuplicateEvaluation.ScorePairs(Factory, LabelledPairs.Load(), floor: 0.3);
        foreach (var threshold in new[] { 0.5, 0.6, 0.7, TfIdfStatementSimilarity.DefaultNearDuplicateThreshold, 0.8, 0.9 })
            output.WriteLine(NearDuplicateEvaluation.AtThreshold(scores, threshold).ToString());

        var figures = NearDuplicateEvaluation.AtThreshold(scores, TfIdfStatementSimilarity.DefaultNearDuplicateThreshold);
        Assert.True(figures.Precision >= 0.90, figures.ToString());
        Assert.True(figures.Recall >= 0.60, figures.ToString());
    }
}
