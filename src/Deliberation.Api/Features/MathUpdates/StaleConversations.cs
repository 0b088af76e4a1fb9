using Deliberation.Data;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Api.Features.MathUpdates;

/// <summary>Conversations whose stored result is behind their votes or statements (or that have votes but no result).</summary>
public static class StaleConversations
{
    public static async Task<List<long>> FindAsync(DeliberationDbContext db, CancellationToken cancellationToken)
    {
        var behindOnVotes = await db.Conversations.AsNoTracking()
            .Where(c => db.VoteEvents.Any(e => e.ConversationId == c.Id
                && e.Id > (db.ConversationResults.Where(r => r.ConversationId == c.Id).Select(r => (long?)r.Watermark).FirstOrDefault() ?? 0)))
            .Select(c => c.Id)
            .ToListAsync(cancellationToken);
        var behindOnStatements = await db.ConversationResults.AsNoTracking()
            .Where(r => db.Statements.Any(s => s.ConversationId == r.ConversationId
                && (s.CreatedAt > r.ComputedAt || (s.ModeratedAt != null && s.ModeratedAt > r.ComputedAt))))
            .Select(r => r.ConversationId)
            .ToListAsync(cancellationToken);
        return behindOnVotes.Union(behindOnStatements).Order().ToList();
    }
}
