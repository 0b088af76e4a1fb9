using System.Collections.Concurrent;
using Deliberation.Api.Infrastructure.Problems;
using Deliberation.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Deliberation.Api.Infrastructure.Caching;

public sealed class CachingOptions
{
    public const string Section = "Caching";

    /// <summary>
    /// How long a node may answer from its in-memory copy of a conversation and its statements. Changes made on this
    /// node are seen at once; changes made on another node within this time. Votes never depend on it: the vote write
    /// re-checks the rules in the database.
    /// </summary>
    public int ConversationMilliseconds { get; set; } = 1_000;
}

/// <summary>
/// In-memory copies of conversations with their statements, so that voting and routing need no reads of rows that
/// rarely change. One load at a time per conversation; readers in between get the current copy.
/// </summary>
public sealed class ConversationSnapshots(IOptions<CachingOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, ConversationSnapshot> cache = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> loading = new(StringComparer.Ordinal);

    /// <summary>The snapshot of a conversation that must exist: a 404 problem when it does not.</summary>
    public async Task<ConversationSnapshot> RequireAsync(DeliberationDbContext db, string publicId, CancellationToken cancellationToken) =>
        await GetAsync(db, publicId, cancellationToken)
        ?? throw new ApiProblemException(ProblemType.ConversationNotFound, "There is no conversation with this id.");

    public async Task<ConversationSnapshot?> GetAsync(DeliberationDbContext db, string publicId, CancellationToken cancellationToken)
    {
        var maxAge = TimeSpan.FromMilliseconds(options.Value.ConversationMilliseconds);
        if (cache.TryGetValue(publicId, out var cached) && time.GetUtcNow() - cached.ReadAt <= maxAge)
        {
            return cached;
        }

        var gate = loading.GetOrAdd(publicId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (cache.TryGetValue(publicId, out cached) && time.GetUtcNow() - cached.ReadAt <= maxAge)
            {
                return cached;
            }

            var fresh = await LoadAsync(db, publicId, cancellationToken);
            if (fresh is null)
            {
                cache.TryRemove(publicId, out _);
                return null;
            }

            cache[publicId] = fresh;
            return fresh;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Forget a conversation after this node changed it, so the next read sees the change.</summary>
    public void Invalidate(string publicId) => cache.TryRemove(publicId, out _);

    private async Task<ConversationSnapshot?> LoadAsync(DeliberationDbContext db, string publicId, CancellationToken cancellationToken)
    {
        var readAt = time.GetUtcNow();
        var conversation = await db.Conversations.AsNoTracking().FirstOrDefaultAsync(c => c.PublicId == publicId, cancellationToken);
        if (conversation is null)
        {
            return null;
        }

        var statements = await db.Statements.AsNoTracking()
            .Where(s => s.ConversationId == conversation.Id)
            .OrderBy(s => s.Id)
            .Select(s => new StatementSnapshot(s.Id, s.Number, s.Text, s.Moderation, s.IsMeta, s.IsSeed, s.AuthorParticipantId, s.CreatedAt))
            .ToListAsync(cancellationToken);
        return new ConversationSnapshot(conversation, statements, readAt);
    }
}
