using Deliberation.Api.Features.Participation;
using Deliberation.Api.Features.Statements;
using Deliberation.Data;
using Deliberation.Domain.Conversations;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Api.Features.Votes;

/// <summary>
/// Chooses the next statement a participant sees: for now uniformly at random among the visible statements they have
/// not voted on. The random source is injected so tests can seed it.
/// </summary>
public sealed class NextStatementPicker(Random random)
{
    public async Task<(StatementView? Next, Progress Progress)> PickAsync(
        DeliberationDbContext db, Conversation conversation, long participantId, CancellationToken cancellationToken)
    {
        var unvoted = await Unvoted(db, conversation, participantId).Select(s => s.Id).ToListAsync(cancellationToken);
        var total = await db.Statements.Visible(conversation).CountAsync(cancellationToken);
        var progress = new Progress(total - unvoted.Count, total);
        if (unvoted.Count == 0)
        {
            return (null, progress);
        }

        unvoted.Sort(); // the database returns rows in any order; sort so a seeded source picks reproducibly
        int index;
        lock (random)
        {
            index = random.Next(unvoted.Count);
        }

        var chosen = unvoted[index];
        var next = await db.Statements.AsNoTracking()
            .Where(s => s.Id == chosen)
            .Select(s => new StatementView(s.Id, s.Number, s.Text, s.Moderation, s.IsSeed, s.AuthorParticipantId == participantId, s.CreatedAt))
            .SingleAsync(cancellationToken);
        return (next, progress);
    }

    public static async Task<Progress> ProgressAsync(DeliberationDbContext db, Conversation conversation, long participantId, CancellationToken cancellationToken)
    {
        var total = await db.Statements.Visible(conversation).CountAsync(cancellationToken);
        var unvoted = await Unvoted(db, conversation, participantId).CountAsync(cancellationToken);
        return new Progress(total - unvoted, total);
    }

    private static IQueryable<Domain.Statements.Statement> Unvoted(DeliberationDbContext db, Conversation conversation, long participantId) =>
        db.Statements.AsNoTracking().Visible(conversation)
            .Where(s => !db.Votes.Any(v => v.ParticipantId == participantId && v.StatementId == s.Id));
}
