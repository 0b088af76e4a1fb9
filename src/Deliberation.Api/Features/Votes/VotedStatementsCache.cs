using Deliberation.Api.Infrastructure.Caching;
using Deliberation.Data;
using Deliberation.Data.Votes;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Deliberation.Api.Features.Votes;

/// <summary>
/// Which statements each active participant has voted on, for routing. Reading them back after every vote (up to a few
/// hundred rows) cost more than the vote itself under load, so a node keeps them, adds each vote it records, and reads
/// them again only when it has no copy or its copy is found wrong. A copy goes wrong when the participant also votes
/// through another node, which the load balancer avoids by sending each participant's requests to one node
/// (deploy/nginx.conf); when it happens anyway, the next vote on a statement the copy has wrong tells (with every
/// PostgreSQL vote the database says whether it was the participant's first on that statement,
/// <see cref="RecordedVote.FirstOnStatement"/>), and the copy is dropped. Checking the whole set on every vote (a count
/// in the vote's statement) was measured: it cost a third of the throughput. Sets are replaced, never changed, so
/// concurrent readers need no lock.
/// </summary>
public sealed class VotedStatementsCache(IOptions<CachingOptions> options) : IDisposable
{
    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = options.Value.VotedStatementsLimit });
    private readonly TimeSpan idle = TimeSpan.FromMinutes(options.Value.VotedStatementsIdleMinutes);

    public async Task<IReadOnlySet<long>> GetAsync(DeliberationDbContext db, long participantId, CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(participantId, out HashSet<long>? voted) && voted is not null)
        {
            return voted;
        }

        voted = await db.ReadVotedStatementsAsync(participantId, cancellationToken);
        Store(participantId, voted);
        return voted;
    }

    /// <summary>A vote this node recorded, with what the database said of it (or nothing: a vote written for them).</summary>
    public void Recorded(long participantId, long statementId, bool? firstOnStatement)
    {
        if (!cache.TryGetValue(participantId, out HashSet<long>? voted) || voted is null)
        {
            return;
        }

        var known = voted.Contains(statementId);
        if (firstOnStatement == known)
        {
            cache.Remove(participantId); // the copy was wrong: read afresh on the next look-up
            return;
        }

        if (!known)
        {
            Store(participantId, new HashSet<long>(voted) { statementId });
        }
    }

    public void Dispose() => cache.Dispose();

    private void Store(long participantId, HashSet<long> voted) =>
        cache.Set(participantId, voted, new MemoryCacheEntryOptions { Size = voted.Count + 1, SlidingExpiration = idle });
}
