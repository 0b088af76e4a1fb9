using System.Collections.Concurrent;
using Deliberation.Api.Features.Live;
using Deliberation.Data.Results;

namespace Deliberation.Api.Features.MathUpdates;

/// <summary>
/// Per-statement vote counts as last pushed, per conversation, so that a tallies push carries only what changed.
/// Counted from the votes the update reads anyway: no extra query.
/// </summary>
public sealed class TallyTracker
{
    private readonly ConcurrentDictionary<long, Dictionary<long, StatementTally>> lastPushed = new();

    public VoteTalliesPush Changes(long conversationId, string publicId, MathInputs inputs)
    {
        var counts = new Dictionary<long, (int A, int D, int P)>();
        var participants = new HashSet<long>();
        foreach (var vote in inputs.Votes)
        {
            participants.Add(vote.ParticipantId);
            var c = counts.GetValueOrDefault(vote.StatementId);
            counts[vote.StatementId] = vote.Value switch
            {
                > 0 => (c.A + 1, c.D, c.P),
                < 0 => (c.A, c.D + 1, c.P),
                _ => (c.A, c.D, c.P + 1),
            };
        }

        var current = counts.ToDictionary(kv => kv.Key, kv => new StatementTally(kv.Key, kv.Value.A, kv.Value.D, kv.Value.P));
        var previous = lastPushed.GetValueOrDefault(conversationId);
        var changed = current.Values
            .Where(t => previous is null || !previous.TryGetValue(t.StatementId, out var before) || before != t)
            .OrderBy(t => t.StatementId)
            .ToList();
        lastPushed[conversationId] = current;
        return new VoteTalliesPush(publicId, inputs.Watermark, participants.Count, inputs.Votes.Count, changed);
    }
}
