using Deliberation.TextAnalysis.Tests.Helpers;
using static Deliberation.TextAnalysis.Tests.Helpers.PolisComments;

namespace Deliberation.TextAnalysis.Tests;

public sealed class SimilarityOnRealConversationsTests(ConversationIndexes indexes) : IClassFixture<ConversationIndexes>
{
    [Theory]
    // English: shouting, missing article and punctuation, a typo.
    [InlineData(BowlingGreen, "bowling green NEEDS fairness ordinance!!", new long[] { 197 })]
    [InlineData(BowlingGreen, "Smoking shuold not be alowed in public parks", new long[] { 382 })]
    // German: rephrased, umlauts typed as plain vowels.
    [InlineData(Austria, "Online-Retourwaren werden haeufig vernichtet, obwohl es Neuware ist. Verbieten!", new long[] { 3, 32 })]
    [InlineData(Austria, "Erbschaftssteuer und Vermoegenssteuer ab 1 Mio einfuehren", new long[] { 327, 299, 210 })]
    // Chinese, without word segmentation: reordered and reworded.
    [InlineData(Taiwan, "我覺得Uber提供更便利和更高品質的乘車環境", new long[] { 114, 115, 116 })]
    [InlineData(Taiwan, "司機的個人資料應該要受到政府管制", new long[] { 23, 24 })]
    public void Paraphrase_of_a_real_statement_finds_the_original_first(string conversation, string draft, long[] originals)
    {
        var similar = indexes.For(conversation).FindSimilar(draft, k: 3);

        Assert.NotEmpty(similar);
        Assert.Contains(similar[0].Id, originals);
    }

    [Fact]
    public void Exact_repeat_scores_one()
    {
        var similar = indexes.For(BowlingGreen).FindSimilar(TextOf(BowlingGreen, 197), k: 1);

        Assert.Equal(197, similar[0].Id);
        Assert.Equal(1.0, similar[0].Score, precision: 6);
    }

    [Fact]
    public void Results_are_best_first_within_bounds_and_respect_k_and_min_score()
    {
        var similar = indexes.For(BowlingGreen).FindSimilar("more bike lanes and sidewalks downtown", k: 10, minScore: 0.2);

        Assert.InRange(similar.Count, 1, 10);
        Assert.All(similar, s => Assert.InRange(s.Score, 0.2, 1.0));
        Assert.Equal(similar.OrderByDescending(s => s.Score).Select(s => s.Id), similar.Select(s => s.Id));
    }

    [Fact]
    public void Similar_to_a_statement_leaves_the_statement_out()
    {
        var similar = indexes.For(BowlingGreen).FindSimilarTo(459, k: 5);

        Assert.DoesNotContain(similar, s => s.Id == 459);
        // "Lease laws" / "Leash laws": the same statement with a typo fixed; 457 adds noise ordinances to it.
        Assert.Contains(465, similar.Take(2).Select(s => s.Id));
    }

    [Fact]
    public void Near_duplicates_include_the_case_and_punctuation_variants()
    {
        var pairs = indexes.For(Austria).FindNearDuplicates(0.75);

        Assert.Contains(pairs, p => (p.FirstId, p.SecondId) == (456, 492)); // a final full stop
        Assert.Contains(pairs, p => (p.FirstId, p.SecondId) == (164, 165)); // "auf" / "für"
        Assert.Contains(pairs, p => (p.FirstId, p.SecondId) == (5, 35));    // "Klimarat: " in front
        Assert.All(pairs, p => Assert.True(p.FirstId < p.SecondId && p.Score >= 0.75 && p.Score <= 1));
        Assert.Equal(pairs.OrderByDescending(p => p.Score).ThenBy(p => p.FirstId).ThenBy(p => p.SecondId), pairs);
    }

    [Theory]
    [InlineData(Austria)]
    [InlineData(Taiwan)]
    public void Order_of_the_statements_does_not_change_the_answers(string conversation)
    {
        var statements = Load(conversation);
        var shuffled = statements.OrderBy(s => (s.Id * 7919) % 1009).ToList();
        var reordered = new Similarity.TfIdfStatementSimilarity(shuffled);
        var original = indexes.For(conversation);

        foreach (var id in new long[] { 3, 23, 91, 115 })
            Assert.Equal(original.FindSimilarTo(id, 5), reordered.FindSimilarTo(id, 5));
        Assert.Equal(original.FindSimilar("Klimaschutz Uber 計程車", 5), reordered.FindSimilar("Klimaschutz Uber 計程車", 5));
    }

    [Fact]
    public void Asking_twice_gives_the_same_answer()
    {
        var index = indexes.For(Taiwan);

        Assert.Equal(index.FindSimilar("計程車 司機 保險", 5), index.FindSimilar("計程車 司機 保險", 5));
    }
}
