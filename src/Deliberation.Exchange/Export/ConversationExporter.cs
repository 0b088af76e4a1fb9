using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Deliberation.Data;
using Deliberation.Math;
using Deliberation.PolisFormat;
using Deliberation.PolisFormat.Csv;
using Deliberation.PolisFormat.Files;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Exchange.Export;

/// <summary>
/// Writes a conversation in the Polis export format (exact file and column names), plus math.json and
/// polarisation-history.csv. Votes stream from data readers and go out as they are read, so memory stays bounded by
/// the number of participants and statements, not votes. Participants appear only by their per-conversation number;
/// external ids only when asked for. Every file of one call reads the same snapshot of the database.
/// </summary>
public sealed class ConversationExporter(DeliberationDbContext db)
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>One file of the export (a name of <see cref="ExportFiles.All"/>).</summary>
    public async Task WriteFileAsync(long conversationId, string file, Stream output, ExportOptions options, CancellationToken cancellationToken)
    {
        if (!ExportFiles.IsKnown(file))
        {
            throw new ArgumentException($"'{file}' is not a file of the export; choose one of {string.Join(", ", ExportFiles.All)}.", nameof(file));
        }

        await RunAsync(conversationId, async snapshot =>
        {
            await using var text = new StreamWriter(output, Utf8, bufferSize: 1 << 16, leaveOpen: true);
            await WriteAsync(snapshot, file, text, options, cancellationToken);
        }, cancellationToken);
    }

    /// <summary>Every file, in one zip written to <paramref name="output"/> (which may be unseekable).</summary>
    public async Task WriteZipAsync(long conversationId, Stream output, ExportOptions options, CancellationToken cancellationToken) =>
        await RunAsync(conversationId, async snapshot =>
        {
            using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
            foreach (var file in ExportFiles.All)
            {
                var entry = zip.CreateEntry(file, CompressionLevel.Fastest);
                entry.LastWriteTime = snapshot.ExportedAt;
                await using var stream = entry.Open();
                await using var text = new StreamWriter(stream, Utf8, bufferSize: 1 << 16);
                await WriteAsync(snapshot, file, text, options, cancellationToken);
            }
        }, cancellationToken);

    /// <summary>
    /// Every file — or only <paramref name="files"/> — into a folder (created when missing; files of the same names are
    /// replaced), all from one snapshot.
    /// </summary>
    public async Task WriteFolderAsync(
        long conversationId, string folder, ExportOptions options, CancellationToken cancellationToken, IReadOnlyCollection<string>? files = null)
    {
        if (files?.FirstOrDefault(f => !ExportFiles.IsKnown(f)) is { } unknown)
        {
            throw new ArgumentException($"'{unknown}' is not a file of the export; choose one of {string.Join(", ", ExportFiles.All)}.", nameof(files));
        }

        Directory.CreateDirectory(folder);
        await RunAsync(conversationId, async snapshot =>
        {
            foreach (var file in ExportFiles.All.Where(f => files is null || files.Contains(f)))
            {
                await using var text = new StreamWriter(Path.Combine(folder, file), append: false, Utf8, bufferSize: 1 << 16);
                await WriteAsync(snapshot, file, text, options, cancellationToken);
            }
        }, cancellationToken);
    }

    private async Task RunAsync(long conversationId, Func<Snapshot, Task> write, CancellationToken cancellationToken)
    {
        await using var transaction = await ReadSnapshot.BeginAsync(db, cancellationToken);
        try
        {
            var tables = await ExportSnapshot.ReadAsync(db, conversationId, cancellationToken);
            await write(new Snapshot(tables, DateTimeOffset.UtcNow));
        }
        finally
        {
            await transaction.RollbackAsync(CancellationToken.None);
            await db.Database.CloseConnectionAsync();
        }
    }

    private Task WriteAsync(Snapshot snapshot, string file, TextWriter text, ExportOptions options, CancellationToken cancellationToken) => file switch
    {
        PolisColumns.SummaryFile => WriteSummaryAsync(snapshot.Tables, text, options, cancellationToken),
        PolisColumns.CommentsFile => WriteCommentsAsync(snapshot.Tables, text, cancellationToken),
        PolisColumns.VotesFile => WriteVotesAsync(snapshot.Tables, text, cancellationToken),
        PolisColumns.ParticipantsVotesFile => WriteParticipantsVotesAsync(snapshot.Tables, text, options, cancellationToken),
        PolisColumns.CommentGroupsFile => WriteCommentGroupsAsync(snapshot.Tables, text, cancellationToken),
        PolisColumns.MathFile => WriteMathAsync(snapshot.Tables, text),
        PolisColumns.PolarisationHistoryFile => WritePolarisationHistoryAsync(snapshot.Tables, text, cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(file), file, "Not a file of the export."),
    };

    private async Task WriteSummaryAsync(ExportSnapshot s, TextWriter text, ExportOptions options, CancellationToken cancellationToken)
    {
        long id = s.Conversation.Id;
        long voters = await Sql.ScalarAsync(db, "SELECT COUNT(DISTINCT participant_id) FROM votes WHERE conversation_id = @c", cancellationToken, ("c", id));
        long commenters = s.Statements.Where(st => st.AuthorNumber is not null).Select(st => st.AuthorNumber).Distinct().LongCount();
        string[] values =
        [
            s.Conversation.Topic,
            options.ConversationUrl,
            Number(s.Participants.Count),
            Number(voters),
            Number(s.Result?.InConv.Length ?? 0),
            Number(commenters),
            Number(s.Statements.Count),
            Number(s.GroupCount),
            s.Conversation.Description,
        ];
        var entries = PolisColumns.SummaryKeys.Zip(values, (key, value) => new KeyValuePair<string, string>(key, value)).ToList();
        SummaryFileWriter.Write(text, new PolisSummary(entries));
    }

    private async Task WriteCommentsAsync(ExportSnapshot s, TextWriter text, CancellationToken cancellationToken)
    {
        // Polis counts every vote row here, repeats included: the events, not the current votes.
        var counts = new Dictionary<long, (int Agrees, int Disagrees)>();
        await using (var command = Sql.Command(
            db, "SELECT statement_id, value, COUNT(*) FROM vote_events WHERE conversation_id = @c AND value <> 0 GROUP BY statement_id, value", ("c", s.Conversation.Id)))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var (agrees, disagrees) = counts.GetValueOrDefault(reader.GetInt64(0));
                int n = Convert.ToInt32(reader.GetValue(2), CultureInfo.InvariantCulture);
                counts[reader.GetInt64(0)] = reader.GetInt16(1) > 0 ? (agrees + n, disagrees) : (agrees, disagrees + n);
            }
        }

        using var writer = new CommentsFileWriter(text);
        foreach (var st in s.Statements)
        {
            var (agrees, disagrees) = counts.GetValueOrDefault(st.Id);
            writer.Write(new PolisStatement(st.Number, st.AuthorNumber ?? -1, st.CreatedAtMs, agrees, disagrees, st.Moderation, st.Text));
        }
    }

    private async Task WriteVotesAsync(ExportSnapshot s, TextWriter text, CancellationToken cancellationToken)
    {
        using var writer = new VotesFileWriter(text);
        await using var command = Sql.Command(
            db,
            "SELECT participant_id, statement_id, value, created_at FROM vote_events WHERE conversation_id = @c ORDER BY id",
            ("c", s.Conversation.Id));
        await using var reader = await command.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            long participant = reader.GetInt64(0);
            long statement = reader.GetInt64(1);
            sbyte value = (sbyte)reader.GetInt16(2);
            long at = DbTimes.ReadMs(reader, 3, db.IsPostgres);
            writer.Write(new PolisVote(at, s.StatementNumber(statement), s.ParticipantNumber(participant), value));
        }
    }

    private async Task WriteParticipantsVotesAsync(ExportSnapshot s, TextWriter text, ExportOptions options, CancellationToken cancellationToken)
    {
        // As Polis: a column per statement somebody voted on, a row per participant who voted.
        var voted = new HashSet<long>();
        await using (var command = Sql.Command(db, "SELECT DISTINCT statement_id FROM votes WHERE conversation_id = @c", ("c", s.Conversation.Id)))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                voted.Add(reader.GetInt64(0));
            }
        }

        var columns = s.Statements.Where(st => voted.Contains(st.Id)).ToArray();
        var columnOf = new Dictionary<long, int>(columns.Length);
        for (int i = 0; i < columns.Length; i++)
        {
            columnOf[columns[i].Id] = i;
        }

        var authored = s.Statements.Where(st => st.AuthorNumber is not null).GroupBy(st => st.AuthorNumber!.Value).ToDictionary(g => g.Key, g => g.Count());
        using var writer = new ParticipantsVotesFileWriter(text, [.. columns.Select(c => c.Number)], options.IncludeXid);
        var cells = new sbyte[columns.Length];
        Array.Fill(cells, ParticipantsVotesFileWriter.NotVoted);
        long current = -1;

        void Flush()
        {
            var (number, xid) = s.Participants[current];
            int? group = s.GroupOf.TryGetValue(current, out int g) ? g : null;
            writer.Write(number, xid, group, authored.GetValueOrDefault(number), cells);
            Array.Fill(cells, ParticipantsVotesFileWriter.NotVoted);
        }

        // One participant's votes at a time, in participant-number order: a row is built, written and forgotten.
        await using var command2 = Sql.Command(
            db,
            """
            SELECT v.participant_id, v.statement_id, v.value FROM votes v JOIN participants p ON p.id = v.participant_id
            WHERE v.conversation_id = @c ORDER BY p.number
            """,
            ("c", s.Conversation.Id));
        await using var votes = await command2.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, cancellationToken);
        while (await votes.ReadAsync(cancellationToken))
        {
            long participant = votes.GetInt64(0);
            if (participant != current)
            {
                if (current >= 0)
                {
                    Flush();
                }

                current = participant;
            }

            cells[columnOf[votes.GetInt64(1)]] = (sbyte)votes.GetInt16(2);
        }

        if (current >= 0)
        {
            Flush();
        }
    }

    private async Task WriteCommentGroupsAsync(ExportSnapshot s, TextWriter text, CancellationToken cancellationToken)
    {
        int groups = s.GroupCount;
        var index = new Dictionary<long, int>(s.Statements.Count);
        for (int i = 0; i < s.Statements.Count; i++)
        {
            index[s.Statements[i].Id] = i;
        }

        // [statement, slot, value]: slot 0 is everyone, slot g + 1 is group g; value -1, 0, 1 at 0, 1, 2.
        var tallies = new long[s.Statements.Count, groups + 1, 3];
        await using (var command = Sql.Command(db, "SELECT participant_id, statement_id, value FROM votes WHERE conversation_id = @c", ("c", s.Conversation.Id)))
        await using (var reader = await command.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                long participant = reader.GetInt64(0);
                int statement = index[reader.GetInt64(1)];
                int value = reader.GetInt16(2) + 1;
                tallies[statement, 0, value]++;
                if (s.GroupOf.TryGetValue(participant, out int g) && g < groups)
                {
                    tallies[statement, g + 1, value]++;
                }
            }
        }

        using var writer = new CommentGroupsFileWriter(text, groups);
        for (int i = 0; i < s.Statements.Count; i++)
        {
            var st = s.Statements[i];
            var perGroup = new PolisTally[groups];
            for (int g = 0; g < groups; g++)
            {
                perGroup[g] = Tally(tallies, i, g + 1);
            }

            writer.Write(new PolisCommentGroups(st.Number, st.Text, Tally(tallies, i, 0), perGroup));
        }
    }

    private static PolisTally Tally(long[,,] tallies, int statement, int slot)
    {
        long disagrees = tallies[statement, slot, 0], passes = tallies[statement, slot, 1], agrees = tallies[statement, slot, 2];
        return new PolisTally(agrees + disagrees + passes, agrees, disagrees, passes);
    }

    private static async Task WriteMathAsync(ExportSnapshot s, TextWriter text)
    {
        var buffer = new MemoryStream();
        await using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("conversation", s.Conversation.PublicId);
            json.WriteString("ids", "participant and statement ids are the export's numbers (participant, comment-id)");
            if (s.ResultRow is { } row && s.Result is { } result)
            {
                json.WriteNumber("tick", row.Tick);
                json.WriteString("computedAt", row.ComputedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
                json.WriteNumber("computedAtMs", row.ComputedAt.ToUnixTimeMilliseconds());
                json.WritePropertyName("result");
                json.WriteRawValue(MathJson.SerializeToUtf8Bytes(MathExport.ToExportIds(result, s.ParticipantNumber, s.StatementNumber)));
            }
            else
            {
                json.WriteNull("tick");
                json.WriteNull("result");
            }

            json.WriteEndObject();
        }

        await text.WriteAsync(Utf8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        await text.WriteAsync('\n');
    }

    private async Task WritePolarisationHistoryAsync(ExportSnapshot s, TextWriter text, CancellationToken cancellationToken)
    {
        using var csv = new CsvWriter(text, ownsWriter: false);
        csv.WriteRecord(PolarisationHistoryColumns.All);
        var points = db.MathSnapshots.AsNoTracking().Where(m => m.ConversationId == s.Conversation.Id).OrderBy(m => m.Tick).AsAsyncEnumerable();
        await foreach (var p in points.WithCancellation(cancellationToken))
        {
            long at = p.ComputedAt.ToUnixTimeMilliseconds();
            csv.WriteRecord(
                Number(p.Tick),
                Number(at),
                p.ComputedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
                Number(p.Participants),
                Number(p.Votes),
                Number(p.InConv),
                Number(p.K),
                p.GroupSizes.Replace(',', ' '),
                Real(p.BetweenGroupVarianceShare),
                Real(p.MeanSilhouette),
                Real(p.FirstComponentVarianceShare),
                Real(p.MeanDivergence),
                Real(p.DivisiveStatementShare),
                Number(p.BridgingStatements));
        }
    }

    internal static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    internal static string Real(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    private sealed record Snapshot(ExportSnapshot Tables, DateTimeOffset ExportedAt);
}

/// <summary>Columns of polarisation-history.csv (our addition to the Polis set).</summary>
public static class PolarisationHistoryColumns
{
    public static IReadOnlyList<string> All { get; } =
    [
        "tick", "timestamp", "datetime", "participants", "votes", "in-conv", "k", "group-sizes",
        "between-group-variance-share", "mean-silhouette", "first-component-variance-share", "mean-divergence",
        "divisive-statement-share", "bridging-statements",
    ];
}
