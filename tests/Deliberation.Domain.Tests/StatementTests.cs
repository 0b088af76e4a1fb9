using Deliberation.Domain.Common;
using Deliberation.Domain.Conversations;
using Deliberation.Domain.Participants;
using Deliberation.Domain.Statements;

namespace Deliberation.Domain.Tests;

public class StatementTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    private static Conversation Open(ConversationSettings? settings = null) =>
        Conversation.Start("owner", "Topic", null, settings ?? ConversationSettings.Default, Now);

    private static Participant Someone(Conversation conversation) => Participant.Join(conversation.Id, 0, null, Now);

    [Fact]
    public void A_participant_statement_is_normalised_unmoderated_and_attributed()
    {
        var conversation = Open();
        var statement = Statement.Write(conversation, Someone(conversation), "  We need   more\tbenches ", 3, Now);
        Assert.Equal("We need more benches", statement.Text);
        Assert.Equal(ModerationState.Unmoderated, statement.Moderation);
        Assert.False(statement.IsSeed);
        Assert.Equal(3, statement.Number);
        Assert.Equal(TextNormalizer.DuplicateKey("We need more benches"), statement.DuplicateKey);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \n ")]
    [InlineData("\u0000\u0001")]
    public void Empty_text_is_refused(string text)
    {
        var conversation = Open();
        var error = Assert.Throws<DomainRuleException>(() => Statement.Write(conversation, Someone(conversation), text, 0, Now));
        Assert.Equal(DomainRule.TextRequired, error.Rule);
    }

    [Fact]
    public void The_length_limit_counts_what_a_reader_sees()
    {
        var conversation = Open(ConversationSettings.Default with { MaxStatementLength = 20 });
        var author = Someone(conversation);
        Statement.Write(conversation, author, new string('a', 20), 0, Now);
        Statement.Write(conversation, author, string.Concat(Enumerable.Repeat("👍🏽", 20)), 0, Now); // 80 UTF-16 units, 20 characters
        Statement.Write(conversation, author, new string('a', 20) + "     ", 0, Now); // trailing spaces do not count
        var error = Assert.Throws<DomainRuleException>(() => Statement.Write(conversation, author, new string('a', 21), 0, Now));
        Assert.Equal(DomainRule.TextTooLong, error.Rule);
        Assert.Contains("20", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Participants_cannot_write_in_a_closed_conversation_or_when_writing_is_off()
    {
        var closed = Open();
        closed.Close(Now);
        Assert.Equal(DomainRule.ConversationClosed, Assert.Throws<DomainRuleException>(() => Statement.Write(closed, Someone(closed), "Hi there", 0, Now)).Rule);

        var readOnly = Open(ConversationSettings.Default with { ParticipantsCanWrite = false });
        Assert.Equal(DomainRule.WritingDisabled, Assert.Throws<DomainRuleException>(() => Statement.Write(readOnly, Someone(readOnly), "Hi there", 0, Now)).Rule);
    }

    [Fact]
    public void Seeds_are_accepted_at_once_and_allowed_when_participants_cannot_write()
    {
        var conversation = Open(ConversationSettings.Default with { ParticipantsCanWrite = false, StrictModeration = true });
        var seed = Statement.Seed(conversation, "A seed", 0, Now);
        Assert.True(seed.IsSeed);
        Assert.Equal(ModerationState.Accepted, seed.Moderation);
        Assert.Null(seed.AuthorParticipantId);
        Assert.Equal(Now, seed.ModeratedAt);
    }

    [Fact]
    public void Seeds_respect_the_length_limit_too()
    {
        var conversation = Open(ConversationSettings.Default with { MaxStatementLength = 20 });
        Assert.Equal(DomainRule.TextTooLong, Assert.Throws<DomainRuleException>(() => Statement.Seed(conversation, new string('s', 21), 0, Now)).Rule);
    }

    [Fact]
    public void Rejected_statements_and_closed_conversations_refuse_votes()
    {
        var conversation = Open();
        var statement = Statement.Seed(conversation, "Vote on me", 0, Now);
        statement.EnsureVotable(conversation);

        statement.Moderate(ModerationState.Rejected, Now);
        Assert.Equal(DomainRule.StatementNotVotable, Assert.Throws<DomainRuleException>(() => statement.EnsureVotable(conversation)).Rule);

        statement.Moderate(ModerationState.Accepted, Now);
        conversation.Close(Now);
        Assert.Equal(DomainRule.ConversationClosed, Assert.Throws<DomainRuleException>(() => statement.EnsureVotable(conversation)).Rule);
    }

    [Fact]
    public void Under_strict_moderation_unmoderated_statements_cannot_be_voted_on()
    {
        var conversation = Open(ConversationSettings.Default with { StrictModeration = true });
        var statement = Statement.Write(conversation, Someone(conversation), "Hold me", 0, Now);
        Assert.Equal(DomainRule.StatementNotVotable, Assert.Throws<DomainRuleException>(() => statement.EnsureVotable(conversation)).Rule);
        statement.Moderate(ModerationState.Accepted, Now);
        statement.EnsureVotable(conversation);
    }

    [Fact]
    public void Meta_marking_and_moderation_are_independent()
    {
        var conversation = Open();
        var statement = Statement.Seed(conversation, "I live downtown", 0, Now);
        statement.MarkMeta(true, Now.AddMinutes(5));
        Assert.Equal(Now.AddMinutes(5), statement.ModeratedAt);
        Assert.True(statement.IsMeta);
        Assert.Equal(ModerationState.Accepted, statement.Moderation);
        Assert.Throws<DomainRuleException>(() => statement.Moderate((ModerationState)7, Now));
    }

    [Fact]
    public void Imported_statements_keep_their_history_and_may_repeat_with_a_distinct_key()
    {
        var first = Statement.Imported(1, 4, "Same words", 9, ModerationState.Rejected, isMeta: false, Now);
        var repeat = Statement.Imported(1, 5, "same WORDS", 9, ModerationState.Accepted, isMeta: false, Now, repeatsAnEarlierStatement: true);
        Assert.Equal(4, first.Number);
        Assert.Equal(ModerationState.Rejected, first.Moderation);
        Assert.NotEqual(first.DuplicateKey, repeat.DuplicateKey);
    }
}
