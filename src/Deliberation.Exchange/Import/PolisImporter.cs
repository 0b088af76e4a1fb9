using System.Diagnostics;
using Deliberation.Data;
using Deliberation.Domain.Conversations;
using Deliberation.Domain.Participants;
using Deliberation.Domain.Statements;
using Deliberation.PolisFormat;
using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;

namespace Deliberation.Exchange.Import;

/// <summary>
/// Turns a Polis export into a new conversation: statements with their numbers (comment-id), authors, moderation
/// and times; participants numbered by their Polis ids; the vote history of votes.csv (each row one event, the
/// current vote the latest per pair) or, without it, the matrix of participants-votes.csv (one event per cell).
/// All in one transaction: on any error nothing of the import remains. Read the export with
/// <see cref="PolisReadOptions.Strict"/> so that bad references are reported with their file, line and column.
/// </summary>
public static class PolisImporter
{
    public const string DefaultTopic = "Imported Polis conversation";

    private static readonly BulkColumn[] ParticipantColumns =
    [
        new("conversation_id", NpgsqlDbType.Bigint), new("number", NpgsqlDbType.Bigint),
        new("external_id", NpgsqlDbType.Varchar), new("created_at", NpgsqlDbType.TimestampTz),
    ];

    private static readonly BulkColumn[] StatementColumns =
    [
        new("conversation_id", NpgsqlDbType.Bigint), new("number", NpgsqlDbType.Bigint), new("text", NpgsqlDbType.Text),
        new("duplicate_key", NpgsqlDbType.Varchar), new("author_participant_id", NpgsqlDbType.Bigint), new("is_seed", NpgsqlDbType.Boolean),
        new("moderation", NpgsqlDbType.Smallint), new("is_meta", NpgsqlDbType.Boolean), new("created_at", NpgsqlDbType.TimestampTz),
        new("moderated_at", NpgsqlDbType.TimestampTz),
    ];

    private static readonly BulkColumn[] EventColumns =
    [
        new("conversation_id", NpgsqlDbType.Bigint), new("participant_id", NpgsqlDbType.Bigint), new("statement_id", NpgsqlDbType.Bigint),
        new("value", NpgsqlDbType.Smallint), new("created_at", NpgsqlDbType.TimestampTz),
    ];

    private static readonly BulkColumn[] VoteColumns =
    [
        new("participant_id", NpgsqlDbType.Bigint), new("statement_id", NpgsqlDbType.Bigint), new("conversation_id", NpgsqlDbType.Bigint),
        new("value", NpgsqlDbType.Smallint), new("updated_at", NpgsqlDbType.TimestampTz), new("last_event_id", NpgsqlDbType.Bigint),
    ];

    public static async Task<ImportResult> ImportAsync(
        DeliberationDbContext db,
        PolisExport export,
        ImportOptions options,
        DateTimeOffset now,
        IProgress<ImportProgress>? progress,
        CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var plan = ImportPlan.Build(export, now.ToUnixTimeMilliseconds());
        bool pg = db.IsPostgres;

        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            var conversation = Conversation.Start(options.OwnerId, plan.Topic, plan.Description, ConversationSettings.Default, now);
            if (!options.Open)
            {
                conversation.Close(now);
            }

            db.Conversations.Add(conversation);
            await db.SaveChangesAsync(cancellationToken);
            long c = conversation.Id;

            progress?.Report(new ImportProgress("participants", 0, plan.Participants.Count));
            await BulkRows.InsertAsync(
                db,
                "participants",
                ParticipantColumns,
                plan.Participants.Select(p => new object?[] { c, p.Number, p.ExternalId, DbTimes.Parameter(p.CreatedAtMs, pg) }),
                done => progress?.Report(new ImportProgress("participants", done, plan.Participants.Count)),
                cancellationToken);
            var participantIds = await IdsByNumberAsync(db, "participants", c, cancellationToken);

            progress?.Report(new ImportProgress("statements", 0, plan.Statements.Count));
            await BulkRows.InsertAsync(
                db,
                "statements",
                StatementColumns,
                plan.Statements.Select(s => new object?[]
                {
                    c, s.Number, s.Statement.Text, s.Statement.DuplicateKey,
                    s.AuthorNumber is { } a ? participantIds[a] : null,
                    false, (short)s.Statement.Moderation, false, DbTimes.Parameter(s.CreatedAtMs, pg),
                    s.Statement.ModeratedAt is null ? null : DbTimes.Parameter(s.CreatedAtMs, pg),
                }),
                done => progress?.Report(new ImportProgress("statements", done, plan.Statements.Count)),
                cancellationToken);
            var statementIds = await IdsByNumberAsync(db, "statements", c, cancellationToken);

            progress?.Report(new ImportProgress("vote events", 0, plan.Events.Count));
            await BulkRows.InsertAsync(
                db,
                "vote_events",
                EventColumns,
                plan.Events.Select(e => new object?[]
                {
                    c, participantIds[e.Participant], statementIds[e.Statement], (short)e.Value, DbTimes.Parameter(e.Timestamp, pg),
                }),
                done => progress?.Report(new ImportProgress("vote events", done, plan.Events.Count)),
                cancellationToken);

            // Identity ids increase in insertion order inside this transaction: the k-th id is the k-th event's.
            var eventIds = new List<long>(plan.Events.Count);
            await using (var ids = Sql.Command(db, "SELECT id FROM vote_events WHERE conversation_id = @c ORDER BY id", ("c", c)))
            await using (var reader = await ids.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    eventIds.Add(reader.GetInt64(0));
                }
            }

            // In primary-key order, so the votes' B-tree grows at its end instead of splitting pages everywhere.
            var current = plan.CurrentVotes();
            current.Sort((a, b) =>
            {
                var x = plan.Events[a];
                var y = plan.Events[b];
                int byParticipant = participantIds[x.Participant].CompareTo(participantIds[y.Participant]);
                return byParticipant != 0 ? byParticipant : statementIds[x.Statement].CompareTo(statementIds[y.Statement]);
            });
            progress?.Report(new ImportProgress("current votes", 0, current.Count));
            await BulkRows.InsertAsync(
                db,
                "votes",
                VoteColumns,
                current.Select(i =>
                {
                    var e = plan.Events[i];
                    return new object?[]
                    {
                        participantIds[e.Participant], statementIds[e.Statement], c, (short)e.Value, DbTimes.Parameter(e.Timestamp, pg), eventIds[i],
                    };
                }),
                done => progress?.Report(new ImportProgress("current votes", done, current.Count)),
                cancellationToken);

            // The counters hand out the next numbers: past everything imported, so new participants and statements
            // never collide with Polis's ids.
            await using (var counters = Sql.Command(
                db,
                "UPDATE conversations SET participant_counter = @p, statement_counter = @s WHERE id = @c",
                ("p", plan.NextParticipantNumber), ("s", plan.NextStatementNumber), ("c", c)))
            {
                await counters.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            return new ImportResult(
                c,
                conversation.PublicId,
                conversation.Topic,
                plan.Participants.Count,
                plan.Statements.Count,
                plan.Events.Count,
                current.Count,
                plan.FromHistory ? "history" : "matrix",
                plan.ExternalIdsDropped,
                stopwatch.Elapsed);
        }
        catch
        {
            await transaction.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            throw;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<Dictionary<long, long>> IdsByNumberAsync(DeliberationDbContext db, string table, long conversationId, CancellationToken cancellationToken)
    {
        var ids = new Dictionary<long, long>();
        await using var command = Sql.Command(db, $"SELECT number, id FROM {table} WHERE conversation_id = @c", ("c", conversationId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids[reader.GetInt64(0)] = reader.GetInt64(1);
        }

        return ids;
    }
}

/// <summary>The rows an import writes, worked out in memory before the transaction starts.</summary>
internal sealed class ImportPlan
{
    public required string Topic { get; init; }

    public required string Description { get; init; }

    public required List<PlannedParticipant> Participants { get; init; }

    public required List<PlannedStatement> Statements { get; init; }

    public required List<PlannedEvent> Events { get; init; }

    public required bool FromHistory { get; init; }

    public required int ExternalIdsDropped { get; init; }

    public long NextParticipantNumber => Participants.Count == 0 ? 0 : Participants.Max(p => p.Number) + 1;

    /// <summary>
    /// Indexes of the events that are current votes: per pair the latest time, then the latest recorded (file order),
    /// the rule of <see cref="PolisExport.LatestVotes"/>.
    /// </summary>
    public List<int> CurrentVotes()
    {
        var latest = new Dictionary<(long, long), int>();
        for (int i = 0; i < Events.Count; i++)
        {
            var e = Events[i];
            var key = (e.Participant, e.Statement);
            if (!latest.TryGetValue(key, out int seen) || e.Timestamp >= Events[seen].Timestamp)
            {
                latest[key] = i;
            }
        }

        return [.. latest.Values.Order()];
    }

    public long NextStatementNumber => Statements.Count == 0 ? 0 : Statements.Max(s => s.Number) + 1;

    public static ImportPlan Build(PolisExport export, long nowMs)
    {
        var statementTimes = export.Statements.ToDictionary(s => s.Id, s => s.Timestamp);
        var events = new List<PlannedEvent>();
        bool fromHistory = export.HasVoteHistory;
        if (fromHistory)
        {
            foreach (var v in export.VoteHistory!)
            {
                events.Add(new PlannedEvent(v.VoterId, v.StatementId, v.Value, v.Timestamp));
            }
        }
        else
        {
            // No history: one event per cell, timestamped when its statement was written, recorded participant by
            // participant in the order statements were written (docs/research.md).
            foreach (var v in export.MatrixVotes
                .OrderBy(v => v.ParticipantId)
                .ThenBy(v => statementTimes.GetValueOrDefault(v.StatementId))
                .ThenBy(v => v.StatementId))
            {
                events.Add(new PlannedEvent(v.ParticipantId, v.StatementId, v.Value, statementTimes.GetValueOrDefault(v.StatementId)));
            }
        }

        var known = export.Statements.Select(s => s.Id).ToHashSet();
        foreach (var e in events)
        {
            if (!known.Contains(e.Statement))
            {
                throw new PolisFormatException(
                    fromHistory ? PolisColumns.VotesFile : PolisColumns.ParticipantsVotesFile, 0, 0, $"a vote on comment {e.Statement}, which comments.csv does not have");
            }

            if (e.Participant < 0)
            {
                throw new PolisFormatException(
                    fromHistory ? PolisColumns.VotesFile : PolisColumns.ParticipantsVotesFile, 0, 0, $"a vote by participant {e.Participant}, which is negative");
            }
        }

        // Participants: every row of participants-votes.csv, every author, every voter.
        var firstSeen = new Dictionary<long, long>();
        void See(long number, long at)
        {
            if (number < 0)
            {
                return;
            }

            firstSeen[number] = firstSeen.TryGetValue(number, out long t) ? System.Math.Min(t, at) : at;
        }

        foreach (var e in events)
        {
            See(e.Participant, e.Timestamp);
        }

        foreach (var s in export.Statements)
        {
            See(s.AuthorId, s.Timestamp);
        }

        foreach (var p in export.Participants)
        {
            See(p.Id, firstSeen.TryGetValue(p.Id, out long t) ? t : nowMs);
        }

        var xids = export.Participants.Where(p => p.Xid is not null).ToDictionary(p => p.Id, p => p.Xid!);
        var usedXids = new HashSet<string>(StringComparer.Ordinal);
        int dropped = 0;
        var participants = new List<PlannedParticipant>(firstSeen.Count);
        foreach (var (number, at) in firstSeen.OrderBy(kv => kv.Key))
        {
            string? xid = null;
            if (xids.TryGetValue(number, out var raw))
            {
                xid = Clean(raw);
                if (xid is null || !usedXids.Add(xid))
                {
                    xid = null;
                    dropped++;
                }
            }

            participants.Add(new PlannedParticipant(number, xid, at));
        }

        // Statements in number order; Polis compared texts case-sensitively, so a later one may repeat an earlier one.
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var statements = new List<PlannedStatement>(export.Statements.Count);
        foreach (var s in export.Statements.OrderBy(s => s.Id))
        {
            var moderation = s.Moderated switch { > 0 => ModerationState.Accepted, < 0 => ModerationState.Rejected, _ => ModerationState.Unmoderated };
            var statement = Statement.Imported(0, s.Id, s.Body, null, moderation, isMeta: false, DateTimeOffset.FromUnixTimeMilliseconds(s.Timestamp));
            if (!keys.Add(statement.DuplicateKey))
            {
                statement = Statement.Imported(0, s.Id, s.Body, null, moderation, isMeta: false, DateTimeOffset.FromUnixTimeMilliseconds(s.Timestamp), repeatsAnEarlierStatement: true);
            }

            statements.Add(new PlannedStatement(s.Id, s.AuthorId >= 0 ? s.AuthorId : null, s.Timestamp, statement));
        }

        string topic = TextNormalizer.Normalize(export.Summary.Topic);
        string description = export.Summary["conversation-description"] ?? "";
        return new ImportPlan
        {
            Topic = Cut(topic.Length == 0 ? PolisImporter.DefaultTopic : topic, Conversation.MaxTopicLength),
            Description = Cut(TextNormalizer.NormalizeMultiline(description), Conversation.MaxDescriptionLength),
            Participants = participants,
            Statements = statements,
            Events = events,
            FromHistory = fromHistory,
            ExternalIdsDropped = dropped,
        };
    }

    private static string? Clean(string xid)
    {
        try
        {
            return Participant.NormalizeExternalId(xid);
        }
        catch (Domain.Common.DomainRuleException)
        {
            return null;
        }
    }

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max].TrimEnd();
}

internal readonly record struct PlannedParticipant(long Number, string? ExternalId, long CreatedAtMs);

internal sealed record PlannedStatement(long Number, long? AuthorNumber, long CreatedAtMs, Statement Statement);

internal readonly record struct PlannedEvent(long Participant, long Statement, sbyte Value, long Timestamp);
