using Deliberation.Domain.Common;
using Deliberation.Domain.Conversations;
using Deliberation.Domain.Statements;

namespace Deliberation.Domain.Tests;

public class ConversationTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_new_conversation_is_open_with_default_settings_and_a_public_id()
    {
        var conversation = Conversation.Start("owner", "  Should   we? ", "Say **why**.", ConversationSettings.Default, Now);
        Assert.True(conversation.IsOpen);
        Assert.Equal("Should we?", conversation.Topic);
        Assert.Equal("Say **why**.", conversation.Description);
        Assert.Equal(280, conversation.Settings.MaxStatementLength);
        Assert.True(conversation.Settings.ParticipantsCanWrite);
        Assert.False(conversation.Settings.StrictModeration);
        Assert.True(PublicId.IsWellFormed(conversation.PublicId));
        Assert.Equal(Now, conversation.CreatedAt);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u200B")]
    public void A_topic_is_required(string topic)
    {
        var error = Assert.Throws<DomainRuleException>(() => Conversation.Start("owner", topic, null, ConversationSettings.Default, Now));
        Assert.Equal(DomainRule.TextRequired, error.Rule);
        Assert.Equal("Topic", error.Field);
    }

    [Fact]
    public void Topic_and_description_have_limits()
    {
        Conversation.Start("owner", new string('t', 1000), new string('d', 50_000), ConversationSettings.Default, Now);
        Assert.Equal(
            DomainRule.TextTooLong,
            Assert.Throws<DomainRuleException>(() => Conversation.Start("owner", new string('t', 1001), null, ConversationSettings.Default, Now)).Rule);
        var description = Assert.Throws<DomainRuleException>(
            () => Conversation.Start("owner", "ok", new string('d', 50_001), ConversationSettings.Default, Now));
        Assert.Equal("Description", description.Field);
    }

    [Theory]
    [InlineData(19, false)]
    [InlineData(20, true)]
    [InlineData(280, true)]
    [InlineData(1000, true)]
    [InlineData(1001, false)]
    public void The_statement_length_limit_is_between_20_and_1000(int limit, bool allowed)
    {
        var settings = ConversationSettings.Default with { MaxStatementLength = limit };
        if (allowed)
        {
            Assert.Equal(limit, Conversation.Start("owner", "ok", null, settings, Now).Settings.MaxStatementLength);
        }
        else
        {
            Assert.Equal(DomainRule.InvalidSetting, Assert.Throws<DomainRuleException>(() => Conversation.Start("owner", "ok", null, settings, Now)).Rule);
        }
    }

    [Fact]
    public void Close_and_reopen_change_whether_the_conversation_accepts_input()
    {
        var conversation = Conversation.Start("owner", "ok", null, ConversationSettings.Default, Now);
        conversation.Close(Now.AddHours(1));
        Assert.False(conversation.IsOpen);
        Assert.Equal(DomainRule.ConversationClosed, Assert.Throws<DomainRuleException>(conversation.EnsureOpen).Rule);
        Assert.Equal(Now.AddHours(1), conversation.UpdatedAt);
        conversation.Reopen(Now.AddHours(2));
        conversation.EnsureOpen();
        Assert.True(conversation.IsOpen);
    }

    [Theory]
    [InlineData(false, ModerationState.Accepted, true)]
    [InlineData(false, ModerationState.Unmoderated, true)]
    [InlineData(false, ModerationState.Rejected, false)]
    [InlineData(true, ModerationState.Accepted, true)]
    [InlineData(true, ModerationState.Unmoderated, false)]
    [InlineData(true, ModerationState.Rejected, false)]
    public void Participants_see_statements_according_to_moderation_mode(bool strict, ModerationState state, bool shown)
    {
        var conversation = Conversation.Start("owner", "ok", null, ConversationSettings.Default with { StrictModeration = strict }, Now);
        Assert.Equal(shown, conversation.Shows(state));
    }

    [Fact]
    public void Public_ids_are_url_safe_and_do_not_repeat()
    {
        var ids = Enumerable.Range(0, 10_000).Select(_ => PublicId.New()).ToList();
        Assert.All(ids, id => Assert.True(PublicId.IsWellFormed(id)));
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.False(PublicId.IsWellFormed("abc"));
        Assert.False(PublicId.IsWellFormed("abc/def-ghij"));
        Assert.False(PublicId.IsWellFormed(null));
    }
}
