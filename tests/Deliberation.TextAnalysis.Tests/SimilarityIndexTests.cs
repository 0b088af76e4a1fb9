using Deliberation.TextAnalysis.Similarity;

namespace Deliberation.TextAnalysis.Tests;

public sealed class SimilarityIndexTests
{
    private static readonly StatementText[] Transport =
    [
        new(1, "We need more bike lanes downtown."),
        new(2, "Bus service should run on Sundays."),
        new(3, "Parking downtown is too expensive."),
        new(4, "Build protected bike lanes on Main Street."),
        new(5, "Sidewalks need repair in older neighbourhoods."),
    ];

    [Fact]
    public void Empty_index_answers_nothing()
    {
        var index = new TfIdfStatementSimilarity([]);

        Assert.Equal(0, index.Count);
        Assert.Empty(index.FindSimilar("anything at all", 5));
        Assert.Empty(index.FindSimilarTo(1, 5));
        Assert.Empty(index.FindNearDuplicates(0));
    }

    [Fact]
    public void One_statement_is_found_by_its_own_words()
    {
        var index = new TfIdfStatementSimilarity([new(7, "Free public transport for students")]);

        Assert.Equal(7, Assert.Single(index.FindSimilar("public transport for students should be free", 5)).Id);
        Assert.Empty(index.FindNearDuplicates(0));
    }

    [Theory]
    [InlineData("🙂🙂🙂")]
    [InlineData("!!! ??? ...")]
    [InlineData("")]
    [InlineData("   \n\t ")]
    [InlineData("\uD83D")] // half an emoji
    [InlineData("שלום, אנחנו צריכים עוד שבילי אופניים")] // Hebrew, right to left
    [InlineData("\u202Eright-to-left override\u202C and \u200Fmarks")]
    [InlineData("نحتاج إلى المزيد من ممرات الدراجات")] // Arabic
    public void Unusual_text_never_throws(string text)
    {
        var index = new TfIdfStatementSimilarity([.. Transport, new(99, text)]);

        var similar = index.FindSimilar(text, 5);
        index.FindSimilarTo(99, 5);
        index.FindNearDuplicates(0.5);

        Assert.All(similar, s => Assert.InRange(s.Score, 0, 1));
    }

    [Fact]
    public void Null_text_is_read_as_empty()
    {
        var index = new TfIdfStatementSimilarity([.. Transport, new(99, null!)]);

        Assert.Empty(index.FindSimilar(null!, 5));
        Assert.Equal(6, index.Count);
    }

    [Fact]
    public void Very_long_text_is_cut_not_refused()
    {
        var huge = string.Concat(Enumerable.Repeat("bike lanes everywhere please ", 20_000));
        var index = new TfIdfStatementSimilarity([.. Transport, new(99, huge)]);

        var similar = index.FindSimilar(huge, 2);

        Assert.Equal(99, similar[0].Id);
    }

    [Fact]
    public void Emoji_only_statements_have_no_similar_statements()
    {
        var index = new TfIdfStatementSimilarity([.. Transport, new(98, "🚲🚲"), new(99, "🚲🚲")]);

        Assert.Empty(index.FindSimilarTo(98, 5));
    }

    [Fact]
    public void Duplicate_ids_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new TfIdfStatementSimilarity([new(1, "a b c"), new(1, "d e f")]));
    }

    [Fact]
    public void Non_positive_k_returns_nothing()
    {
        var index = new TfIdfStatementSimilarity(Transport);

        Assert.Empty(index.FindSimilar("bike lanes", 0));
        Assert.Empty(index.FindSimilarTo(1, -1));
    }

    [Fact]
    public void Added_statement_is_found_and_removed_one_is_not()
    {
        var index = new TfIdfStatementSimilarity(Transport, new TextAnalysisOptions { RefitAfterAddedShare = 100 });

        index.Add(new StatementText(6, "Bike lanes downtown need protection from parked cars."));
        Assert.True(index.Remove(4));

        Assert.Equal(5, index.Count);
        var similar = index.FindSimilar("protected bike lanes downtown", 6).Select(s => s.Id).ToList();
        Assert.Contains(6L, similar);
        Assert.DoesNotContain(4L, similar);
        Assert.False(index.Remove(4));
    }

    [Fact]
    public void Adding_a_known_id_replaces_its_text()
    {
        var index = new TfIdfStatementSimilarity(Transport);

        index.Add(new StatementText(2, "Parking downtown is too expensive!"));

        Assert.Equal(5, index.Count);
        Assert.Equal(2, index.FindSimilarTo(3, 1)[0].Id);
    }

    [Fact]
    public void Refit_answers_as_a_fresh_index_would()
    {
        var grown = new TfIdfStatementSimilarity(Transport.Take(3), new TextAnalysisOptions { RefitAfterAddedShare = 100 });
        foreach (var statement in Transport.Skip(3))
            grown.Add(statement);
        grown.Refit();
        var fresh = new TfIdfStatementSimilarity(Transport);

        Assert.Equal(0, ((TfIdfStatementSimilarity)grown).AddedSinceFit);
        Assert.Equal(fresh.FindSimilar("bike lanes on Main Street", 5), grown.FindSimilar("bike lanes on Main Street", 5));
    }

    [Fact]
    public void Index_refits_itself_after_enough_additions()
    {
        var index = new TfIdfStatementSimilarity(Transport.Take(4), new TextAnalysisOptions { RefitAfterAddedShare = 0.25 });

        index.Add(Transport[4]); // 1 added, not more than 0.25 × 4 fitted
        Assert.Equal(1, index.AddedSinceFit);
        index.Add(new StatementText(6, "Cobblestones make cycling hard.")); // 2 added: refit on all 6

        Assert.Equal(0, index.AddedSinceFit);
        Assert.Equal(5, Assert.Single(index.FindSimilar("sidewalks repair older neighbourhoods", 1)).Id);
    }

    [Fact]
    public void Concurrent_queries_and_additions_do_not_interfere()
    {
        var index = new TfIdfStatementSimilarity(Transport);

        Parallel.For(0, 200, i =>
        {
            if (i % 10 == 0)
                index.Add(new StatementText(100 + i, $"statement number {i} about bike lanes"));
            Assert.NotEmpty(index.FindSimilar("bike lanes", 3));
        });

        Assert.Equal(25, index.Count);
    }
}
