using Deliberation.TextAnalysis.Topics;
using Deliberation.TextAnalysis.Tests.Helpers;
using static Deliberation.TextAnalysis.Tests.Helpers.PolisComments;

namespace Deliberation.TextAnalysis.Tests;

public sealed class TopicModelTests
{
    private readonly TfIdfTopicModel _model = new();

    [Theory]
    [InlineData(Austria)]
    [InlineData(Taiwan)]
    public void Same_statements_in_another_order_give_the_same_topics(string conversation)
    {
        var statements = Load(conversation);
        var reversed = statements.Reverse().ToList();

        var first = _model.FindTopics(statements);
        var second = _model.FindTopics(reversed);

        Assert.Equal(Describe(first), Describe(second));
        Assert.Equal(first.Silhouette, second.Silhouette);
    }

    [Theory]
    [InlineData(Austria)]
    [InlineData(Taiwan)]
    public void Every_statement_gets_exactly_one_topic_and_topics_are_named(string conversation)
    {
        var statements = Load(conversation);

        var topics = _model.FindTopics(statements);

        Assert.InRange(topics.Topics.Count, 3, 8);
        Assert.Equal(statements.Select(s => s.Id).Order(), topics.Topics.SelectMany(t => t.StatementIds).Order());
        Assert.All(statements, s => Assert.Contains(s.Id, topics.Topics[topics.TopicOfStatement[s.Id]].StatementIds));
        Assert.All(topics.Topics, t => Assert.InRange(t.Terms.Count, 1, 4));
        Assert.All(topics.Topics.Select((t, i) => (t, i)), x => Assert.Equal(x.i, x.t.Id));
        Assert.Equal(topics.Topics.OrderByDescending(t => t.StatementIds.Count).ThenBy(t => t.StatementIds.Min()), topics.Topics);
    }

    [Fact]
    public void German_topics_are_named_by_content_words_not_function_words()
    {
        var terms = _model.FindTopics(Load(Austria)).Topics.SelectMany(t => t.Terms).ToList();

        Assert.DoesNotContain(terms, t => t is "und" or "die" or "der" or "ist" or "für" or "auf");
        Assert.Contains(terms, t => t.Contains("Klima", StringComparison.Ordinal) || t.Contains("Produkt", StringComparison.Ordinal));
    }

    [Fact]
    public void Chinese_topics_are_named_by_words_of_two_characters_or_more()
    {
        var terms = _model.FindTopics(Load(Taiwan)).Topics.SelectMany(t => t.Terms).ToList();

        Assert.All(terms, t => Assert.True(t.EnumerateRunes().Count() >= 2, t));
    }

    [Fact]
    public void A_requested_number_of_topics_is_used()
    {
        var topics = _model.FindTopics(Load(Taiwan), topicCount: 4);

        Assert.Equal(4, topics.Topics.Count);
    }

    [Fact]
    public void No_statements_no_topics()
    {
        Assert.Empty(_model.FindTopics([]).Topics);
    }

    [Fact]
    public void One_statement_is_one_topic()
    {
        var topics = _model.FindTopics([new(5, "Public transport should be free for students")]);

        var topic = Assert.Single(topics.Topics);
        Assert.Equal([5L], topic.StatementIds);
        Assert.Equal(0, topics.TopicOfStatement[5]);
    }

    [Fact]
    public void Statements_without_words_join_the_largest_topic()
    {
        var statements = Load(Taiwan).Take(40).Append(new StatementText(10_000, "🙂🙂🙂")).Append(new StatementText(10_001, "?!"));

        var topics = _model.FindTopics(statements);

        Assert.Equal(0, topics.TopicOfStatement[10_000]);
        Assert.Equal(0, topics.TopicOfStatement[10_001]);
    }

    [Fact]
    public void Only_emoji_still_gives_every_statement_a_topic()
    {
        var topics = _model.FindTopics([new(1, "🙂"), new(2, "🙃🙃")]);

        Assert.Equal([1L, 2L], Assert.Single(topics.Topics).StatementIds.Order());
    }

    [Fact]
    public void Long_and_right_to_left_text_never_throws()
    {
        var statements = new List<StatementText>
        {
            new(1, string.Concat(Enumerable.Repeat("bike lanes everywhere please ", 20_000))),
            new(2, "שלום, אנחנו צריכים עוד שבילי אופניים"),
            new(3, "نحتاج إلى المزيد من ممرات الدراجات"),
            new(4, "\u202Eright-to-left override\u202C"),
            new(5, "More bike lanes please"),
            new(6, "Buses should run at night"),
            new(7, "Night buses for students"),
        };

        var topics = _model.FindTopics(statements);

        Assert.Equal(7, topics.TopicOfStatement.Count);
    }

    [Fact]
    public void Duplicate_ids_are_refused()
    {
        Assert.Throws<ArgumentException>(() => _model.FindTopics([new(1, "a"), new(1, "b")]));
    }

    [Fact]
    public void Finding_topics_twice_gives_the_same_result()
    {
        var statements = Load(Taiwan);

        Assert.Equal(Describe(_model.FindTopics(statements)), Describe(_model.FindTopics(statements)));
    }

    private static string Describe(TopicSet topics) => string.Join("\n", topics.Topics.Select(t =>
        $"{t.Id}: {t.Label} | {string.Join(",", t.StatementIds)}"));
}
