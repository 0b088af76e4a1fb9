using Deliberation.Data;
using Deliberation.Data.Results;
using Deliberation.Domain.Conversations;
using Deliberation.Math;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Exchange.Export;

/// <summary>A statement as the export needs it, identified by its number.</summary>
internal sealed record ExportStatement(long Id, long Number, string Text, long? AuthorNumber, int Moderation, long CreatedAtMs);

/// <summary>
/// The small tables of one conversation, read once per export: participants (id → number, external id), statements,
/// and the latest stored math result with each participant's group. Votes are never held here; they stream.
/// </summary>
internal sealed class ExportSnapshot
{
    private ExportSnapshot(
        Conversation conversation,
        Dictionary<long, (long Number, string? Xid)> participants,
        IReadOnlyList<ExportStatement> statements,
        ConversationResult? resultRow,
        MathResult? result)
    {
        Conversation = conversation;
        Participants = participants;
        Statements = statements;
        StatementNumbers = statements.ToDictionary(s => s.Id, s => s.Number);
        ResultRow = resultRow;
        Result = result;
        GroupOf = new Dictionary<long, int>();
        if (result is not null)
        {
            foreach (var group in result.Groups)
            {
                foreach (var member in group.Members)
                {
                    GroupOf[member] = group.Id;
                }
            }
        }
    }

    public Conversation Conversation { get; }

    public Dictionary<long, (long Number, string? Xid)> Participants { get; }

    /// <summary>In number order.</summary>
    public IReadOnlyList<ExportStatement> Statements { get; }

    public Dictionary<long, long> StatementNumbers { get; }

    public ConversationResult? ResultRow { get; }

    public MathResult? Result { get; }

    /// <summary>Group (0-based) by participant id, from the latest result; absent when not clustered.</summary>
    public Dictionary<long, int> GroupOf { get; }

    public int GroupCount => Result?.Groups.Length ?? 0;

    public long ParticipantNumber(long id) => Participants.TryGetValue(id, out var p) ? p.Number : -1;

    public long StatementNumber(long id) => StatementNumbers.TryGetValue(id, out var n) ? n : -1;

    public static async Task<ExportSnapshot> ReadAsync(DeliberationDbContext db, long conversationId, CancellationToken cancellationToken)
    {
        var conversation = await db.Conversations.AsNoTracking().SingleAsync(c => c.Id == conversationId, cancellationToken);
        var participants = new Dictionary<long, (long, string?)>();
        await using (var command = Sql.Command(db, "SELECT id, number, external_id FROM participants WHERE conversation_id = @c", ("c", conversationId)))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                participants[reader.GetInt64(0)] = (reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetString(2));
            }
        }

        var statements = new List<ExportStatement>();
        await using (var command = Sql.Command(
            db,
            "SELECT id, number, text, author_participant_id, moderation, created_at FROM statements WHERE conversation_id = @c ORDER BY number",
            ("c", conversationId)))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                long? author = reader.IsDBNull(3) ? null : reader.GetInt64(3);
                statements.Add(new ExportStatement(
                    reader.GetInt64(0),
                    reader.GetInt64(1),
                    reader.GetString(2),
                    author is { } a && participants.TryGetValue(a, out var p) ? p.Item1 : null,
                    reader.GetInt16(4),
                    DbTimes.ReadMs(reader, 5, db.IsPostgres)));
            }
        }

        var latest = await MathStore.LatestAsync(db, conversationId, cancellationToken);
        return new ExportSnapshot(conversation, participants, statements, latest?.Row, latest?.Result);
    }
}
