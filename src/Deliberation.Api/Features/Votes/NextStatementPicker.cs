using Deliberation.Api.Features.Participation;
using Deliberation.Api.Features.Results;
using Deliberation.Api.Features.Statements;
using Deliberation.Api.Infrastructure.Caching;
using Deliberation.Data;
using Deliberation.Math;

namespace Deliberation.Api.Features.Votes;

/// <summary>
/// Chooses the next statement a participant sees: drawn among the visible statements they have not voted on, with
/// probability proportional to the Polis routing priority of the latest result (spec §1.10). Statements too new to be in
/// a result get the priority of a never-voted statement (high: new statements need their first votes). One database
/// read at most (the participant's votes, usually cached: <see cref="VotedStatementsCache"/>); statements come from
/// the conversation snapshot. The random source is injected so
/// tests can seed it.
/// </summary>
public sealed class NextStatementPicker(Random random, LatestResults latest, VotedStatementsCache votedStatements)
{
    /// <summary>Routing may use a result a couple of seconds old; it saves a database read per vote.</summary>
    public static readonly TimeSpan ResultTolerance = TimeSpan.FromSeconds(2);

    public async Task<(StatementView? Next, Progress Progress)> PickAsync(
        DeliberationDbContext db, ConversationSnapshot snapshot, long participantId, CancellationToken cancellationToken)
    {
        var voted = await votedStatements.GetAsync(db, participantId, cancellationToken);
        var unvoted = snapshot.Visible.Where(s => !voted.Contains(s.Id)).Select(s => new Candidate(s.Id, s.IsMeta)).ToList();
        var progress = new Progress(snapshot.Visible.Count - unvoted.Count, snapshot.Visible.Count);
        if (unvoted.Count == 0)
        {
            return (null, progress);
        }

        var conversation = snapshot.Conversation;
        var result = await latest.GetAsync(db, conversation.Id, conversation.PublicId, ResultTolerance, cancellationToken);
        var chosen = snapshot.Find(Draw(unvoted, result?.Priorities))!;
        return (View(chosen, participantId), progress);
    }

    public async Task<Progress> ProgressAsync(DeliberationDbContext db, ConversationSnapshot snapshot, long participantId, CancellationToken cancellationToken)
    {
        var voted = await votedStatements.GetAsync(db, participantId, cancellationToken);
        return new Progress(snapshot.Visible.Count(s => voted.Contains(s.Id)), snapshot.Visible.Count);
    }

    /// <summary>A weighted draw; candidates are sorted first so that a seeded source picks reproducibly.</summary>
    public long Draw(IReadOnlyList<Candidate> candidates, IReadOnlyDictionary<long, double>? priorities)
    {
        var ordered = candidates.OrderBy(c => c.Id).ToArray();
        var weights = ordered.Select(c => Weight(c, priorities)).ToArray();
        var total = weights.Sum();
        double point;
        lock (random)
        {
            point = random.NextDouble() * total;
        }

        for (var i = 0; i < ordered.Length; i++)
        {
            point -= weights[i];
            if (point < 0)
            {
                return ordered[i].Id;
            }
        }

        return ordered[^1].Id;
    }

    public static double Weight(Candidate candidate, IReadOnlyDictionary<long, double>? priorities) =>
        priorities is not null && priorities.TryGetValue(candidate.Id, out var priority) && double.IsFinite(priority) && priority > 0
            ? priority
            : RoutingPriority.ForNewStatement(candidate.IsMeta);

    public static StatementView View(StatementSnapshot s, long participantId) =>
        new(s.Id, s.Number, s.Text, s.Moderation, s.IsSeed, s.AuthorParticipantId == participantId, s.CreatedAt);

    public readonly record struct Candidate(long Id, bool IsMeta);
}
