using Deliberation.Domain.Conversations;
using Deliberation.Domain.Statements;

namespace Deliberation.Api.Features.Statements;

public static class VisibleStatements
{
    /// <summary>The statements participants see (the query form of <see cref="Conversation.Shows"/>).</summary>
    public static IQueryable<Statement> Visible(this IQueryable<Statement> statements, Conversation conversation) =>
        conversation.Settings.StrictModeration
            ? statements.Where(s => s.ConversationId == conversation.Id && s.Moderation == ModerationState.Accepted)
            : statements.Where(s => s.ConversationId == conversation.Id && s.Moderation != ModerationState.Rejected);
}
