using Deliberation.Api.Infrastructure.Problems;
using Deliberation.Data;
using Deliberation.Domain.Conversations;
using Deliberation.Domain.Statements;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Api.Features.Moderation;

/// <summary>Adds a facilitator's seed statements all or nothing: one bad or repeated text refuses the batch.</summary>
internal static class SeedPlanner
{
    public const int MaxSeedsPerRequest = 500;

    /// <summary>Checks every text against the conversation's rules and against the others in the batch.</summary>
    public static void Plan(Conversation conversation, IReadOnlyList<string> texts)
    {
        if (texts.Count > MaxSeedsPerRequest)
        {
            throw Require.Invalid("seedStatements", $"At most {MaxSeedsPerRequest} statements can be added at once.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < texts.Count; i++)
        {
            var statement = Statement.Seed(conversation, texts[i] ?? "", number: 0, DateTimeOffset.UnixEpoch);
            if (!seen.Add(statement.DuplicateKey))
            {
                throw Require.Invalid($"seedStatements[{i}]", $"\"{statement.Text}\" appears twice in this request.");
            }
        }
    }

    public static async Task<List<Statement>> AddAsync(
        DeliberationDbContext db, Conversation conversation, IReadOnlyList<string> texts, DateTimeOffset now, CancellationToken cancellationToken)
    {
        Plan(conversation, texts);
        var keys = texts.Select(t => TextNormalizer.DuplicateKey(TextNormalizer.Normalize(t))).ToList();
        var existing = await db.Statements.AsNoTracking()
            .Where(s => s.ConversationId == conversation.Id && keys.Contains(s.DuplicateKey))
            .Select(s => new { s.Id, s.Text })
            .FirstOrDefaultAsync(cancellationToken);
        if (existing is not null)
        {
            throw DuplicateStatement.Problem(existing.Id, existing.Text);
        }

        var first = await db.NextStatementNumbersAsync(conversation.Id, texts.Count, cancellationToken);
        var statements = texts.Select((text, i) => Statement.Seed(conversation, text, first + i, now)).ToList();
        db.Statements.AddRange(statements);
        await db.SaveChangesAsync(cancellationToken);
        return statements;
    }
}
