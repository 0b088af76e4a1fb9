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
    /// node are seen at once; changes made on another node within about this time (plus one read of the database).
    /// Votes never depend on it: the vote write re-checks the rules in the database.
    /// </summary>
    public int ConversationMilliseconds { get; set; } = 1_000;

    /// <summary>The most votes kept in memory for routing across all participants (about 25 bytes each).</summary>
    public long VotedStatementsLimit { get; set; } = 2_000_000;

    /// <summary>A participant idle this long is forgotten, and read from the database when they come back.</summary>
    public int VotedStatementsIdleMinutes { get; set; } = 10;
}

/// <summary>
/// In-memory copies of conversations with their statements, so that voting and routing need no reads of rows that
/// rarely change. A copy older than <see cref="CachingOptions.ConversationMilliseconds"/> is read again by the first
/// request that finds it so, which waits for that read; the others are answered from the old copy meanwhile, so they
/// never queue behind the refresh. A copy dropped by a change on this node (<see cref="Invalidate"/>) is not answered
/// again: readers wait for the next read, all of them for the same one.
/// Measured under load, readers that queued one by one behind a lock after each new statement made the slowest
/// percent of votes 3 times slower.
/// </summary>
public sealed class ConversationSnapshots(
    IOptions<CachingOptions> options, TimeProvider time, IServiceScopeFactory scopes, ILogger<ConversationSnapshots> logger)
{
    private readonly ConcurrentDictionary<string, Slot> slots = new(StringComparer.Ordinal);

    /// <summary>The snapshot of a conversation that must exist: a 404 problem when it does not.</summary>
    public async Task<ConversationSnapshot> RequireAsync(string publicId, CancellationToken cancellationToken) =>
        await GetAsync(publicId, cancellationToken)
        ?? throw new ApiProblemException(ProblemType.ConversationNotFound, "There is no conversation with this id.");

    public async Task<ConversationSnapshot?> GetAsync(string publicId, CancellationToken cancellationToken)
    {
        var slot = slots.GetOrAdd(publicId, _ => new Slot());
        Task<ConversationSnapshot?> loading;
        lock (slot)
        {
            var current = slot.Current;
            var expired = current is not null
                && time.GetUtcNow() - current.ReadAt > TimeSpan.FromMilliseconds(options.Value.ConversationMilliseconds);
            if (current is not null && (!expired || slot.Loading is not null))
            {
                return current; // fresh, or being read again for another request meanwhile
            }

            loading = slot.Loading ??= StartLoad(slot, publicId);
        }

        return await loading.WaitAsync(cancellationToken);
    }

    /// <summary>Forget a conversation after this node changed it, so the next read sees the change.</summary>
    public void Invalidate(string publicId)
    {
        if (!slots.TryGetValue(publicId, out var slot))
        {
            return;
        }

        lock (slot)
        {
            // A read already under way may have missed the change: its result is not kept, and the next reader starts
            // a new one.
            slot.Current = null;
            slot.Generation++;
            slot.Loading = null;
        }
    }

    /// <summary>One read for everyone who needs it, in its own scope: no request's cancellation or context is shared.</summary>
    private Task<ConversationSnapshot?> StartLoad(Slot slot, string publicId)
    {
        var generation = slot.Generation;
        var outcome = new TaskCompletionSource<ConversationSnapshot?>(TaskCreationOptions.RunContinuationsAsynchronously);
        _ = Task.Run(async () =>
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var fresh = await LoadAsync(scope.ServiceProvider.GetRequiredService<DeliberationDbContext>(), publicId);
                Settle(slot, publicId, outcome.Task, generation, fresh);
                outcome.SetResult(fresh);
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Reading conversation {ConversationId} into memory failed", publicId);
                Settle(slot, publicId, outcome.Task, generation, fresh: null, failed: true);
                outcome.SetException(e);
            }
        });
        return outcome.Task;
    }

    private void Settle(Slot slot, string publicId, Task<ConversationSnapshot?> load, int generation, ConversationSnapshot? fresh, bool failed = false)
    {
        lock (slot)
        {
            if (ReferenceEquals(slot.Loading, load))
            {
                slot.Loading = null;
            }

            if (failed || slot.Generation != generation)
            {
                return;
            }

            slot.Current = fresh;
        }

        if (fresh is null)
        {
            slots.TryRemove(publicId, out _); // no such conversation: keep nothing for it
        }
    }

    private async Task<ConversationSnapshot?> LoadAsync(DeliberationDbContext db, string publicId)
    {
        var readAt = time.GetUtcNow();
        var conversation = await db.Conversations.AsNoTracking().FirstOrDefaultAsync(c => c.PublicId == publicId);
        if (conversation is null)
        {
            return null;
        }

        var statements = await db.Statements.AsNoTracking()
            .Where(s => s.ConversationId == conversation.Id)
            .OrderBy(s => s.Id)
            .Select(s => new StatementSnapshot(s.Id, s.Number, s.Text, s.Moderation, s.IsMeta, s.IsSeed, s.AuthorParticipantId, s.CreatedAt))
            .ToListAsync();
        return new ConversationSnapshot(conversation, statements, readAt);
    }

    private sealed class Slot
    {
        /// <summary>The last copy read; null before the first read and after this node changed the conversation.</summary>
        public ConversationSnapshot? Current { get; set; }

        public Task<ConversationSnapshot?>? Loading { get; set; }

        /// <summary>Counts invalidations, so that a read that started before one is not kept.</summary>
        public int Generation { get; set; }
    }
}
