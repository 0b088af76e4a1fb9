using Deliberation.Data;
using Deliberation.Domain.Conversations;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Cli.Database;

internal static class Conversations
{
    public static async Task<Conversation> FindAsync(DeliberationDbContext db, string publicId, CancellationToken cancellationToken) =>
        PublicId.IsWellFormed(publicId)
            ? await db.Conversations.AsNoTracking().FirstOrDefaultAsync(c => c.PublicId == publicId, cancellationToken)
              ?? throw new ConversationNotFoundException(publicId)
            : throw new ConversationNotFoundException(publicId);
}
