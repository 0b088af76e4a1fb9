using Deliberation.Data;
using Deliberation.Domain.Statements;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Api.Features.Conversations;

internal static class ConversationCountsQuery
{
    public static async Task<ConversationCounts> CountAsync(this DeliberationDbContext db, long conversationId, CancellationToken cancellationToken)
    {
        var participants = await db.Participants.CountAsync(p => p.ConversationId == conversationId, cancellationToken);
        var statements = await db.Statements.CountAsync(s => s.ConversationId == conversationId, cancellationToken);
        var waiting = await db.Statements.CountAsync(
            s => s.ConversationId == conversationId && s.Moderation == ModerationState.Unmoderated, cancellationToken);
        var votes = await db.Votes.CountAsync(v => v.ConversationId == conversationId, cancellationToken);
        var events = await db.VoteEvents.CountAsync(e => e.ConversationId == conversationId, cancellationToken);
        return new ConversationCounts(participants, statements, waiting, votes, events);
    }
}
