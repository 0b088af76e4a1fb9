using Deliberation.Data;
using Deliberation.Exchange.Import;
using Deliberation.Exchange.Tests.Infrastructure;
using Deliberation.PolisFormat;
using Deliberation.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Exchange.Tests;

/// <summary>Broken exports are refused with file, line and column, and nothing of them stays in the database.</summary>
public abstract class ImportErrorTests(ExchangeFixture fixture)
{
    [Fact]
    public async Task A_missing_comments_file_is_named()
    {
        var files = PolisFolder.Valid();
        files.Remove("comments.csv");
        var error = await ImportFailsAsync(PolisFolder.Write(files));
        Assert.Equal("comments.csv", error.File);
    }

    [Fact]
    public async Task A_header_without_a_required_column_is_named_at_line_1()
    {
        var files = PolisFolder.Valid();
        files["votes.csv"] = "timestamp,datetime,comment-id,vote\n1,x,0,1";
        var error = await ImportFailsAsync(PolisFolder.Write(files));
        Assert.Equal(("votes.csv", 1L), (error.File, error.Line));
        Assert.Contains("voter-id", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_number_is_reported_at_its_line_and_column()
    {
        var files = PolisFolder.Valid();
        files["votes.csv"] = PolisFolder.Votes.Replace("1500000012000,x,0,1,1", "1500000012000,x,0,1,yes", StringComparison.Ordinal);
        var error = await ImportFailsAsync(PolisFolder.Write(files));
        Assert.Equal(("votes.csv", 4L, 5), (error.File, error.Line, error.Column));
        Assert.StartsWith("votes.csv:4:5:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_vote_for_an_unknown_comment_is_reported_at_its_line()
    {
        var files = PolisFolder.Valid();
        files["votes.csv"] = PolisFolder.Votes + "\n1500000017000,x,9,0,1";
        var error = await ImportFailsAsync(PolisFolder.Write(files));
        Assert.Equal(("votes.csv", 9L, 3), (error.File, error.Line, error.Column));
        Assert.Contains("comment 9", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_matrix_column_for_an_unknown_comment_is_reported_in_the_header()
    {
        var files = PolisFolder.Valid();
        files.Remove("votes.csv");
        files["participants-votes.csv"] = "participant,group-id,n-comments,n-votes,n-agree,n-disagree,0,7\n0,,0,1,1,0,1,1";
        var error = await ImportFailsAsync(PolisFolder.Write(files));
        Assert.Equal(("participants-votes.csv", 1L, 8), (error.File, error.Line, error.Column));
    }

    [Fact]
    public async Task A_truncated_zip_is_refused()
    {
        string zip = PolisFolder.Zip(PolisFolder.Write(PolisFolder.Valid()));
        var bytes = await File.ReadAllBytesAsync(zip);
        await File.WriteAllBytesAsync(zip, bytes[..(bytes.Length / 2)]);
        var error = await ImportFailsAsync(zip);
        Assert.Equal("export.zip", error.File);
    }

    [Fact]
    public async Task An_import_stopped_halfway_leaves_nothing_behind()
    {
        var export = PolisExportReader.Read(Fixtures.Polis("brexit-consensus"), PolisReadOptions.Strict);
        await using var db = fixture.Open();
        var before = await CountsAsync(db);
        using var cancel = new CancellationTokenSource();
        var stopInVotes = new StopAt("current votes", cancel);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            PolisImporter.ImportAsync(db, export, new ImportOptions { OwnerId = fixture.OwnerId }, DateTimeOffset.UtcNow, stopInVotes, cancel.Token));

        Assert.True(stopInVotes.Reached);
        Assert.Equal(before, await CountsAsync(db));
    }

    [Fact]
    public async Task A_valid_zip_imports()
    {
        string zip = PolisFolder.Zip(PolisFolder.Write(PolisFolder.Valid()));
        await using var db = fixture.Open();
        var result = await PolisImporter.ImportAsync(
            db, PolisExportReader.Read(zip, PolisReadOptions.Strict), new ImportOptions { OwnerId = fixture.OwnerId }, DateTimeOffset.UtcNow, null, CancellationToken.None);
        Assert.Equal((2, 4, 7, 6), (result.Participants, result.Statements, result.VoteEvents, result.Votes));
        var conversation = await db.Conversations.AsNoTracking().SingleAsync(c => c.Id == result.ConversationId);
        Assert.Equal((2L, 4L, false), (conversation.ParticipantCounter, conversation.StatementCounter, conversation.IsOpen));
    }

    private async Task<PolisFormatException> ImportFailsAsync(string path)
    {
        await using var db = fixture.Open();
        var before = await CountsAsync(db);
        var error = Assert.Throws<PolisFormatException>(() =>
        {
            var export = PolisExportReader.Read(path, PolisReadOptions.Strict);
            PolisImporter.ImportAsync(db, export, new ImportOptions { OwnerId = fixture.OwnerId }, DateTimeOffset.UtcNow, null, CancellationToken.None)
                .GetAwaiter().GetResult();
        });
        Assert.Equal(before, await CountsAsync(db));
        return error;
    }

    private static async Task<(int, int, int, int, int)> CountsAsync(DeliberationDbContext db) => (
        await db.Conversations.CountAsync(),
        await db.Participants.CountAsync(),
        await db.Statements.CountAsync(),
        await db.VoteEvents.CountAsync(),
        await db.Votes.CountAsync());

    private sealed class StopAt(string stage, CancellationTokenSource cancel) : IProgress<ImportProgress>
    {
        public bool Reached { get; private set; }

        public void Report(ImportProgress value)
        {
            if (value.Stage == stage)
            {
                Reached = true;
                cancel.Cancel();
            }
        }
    }
}

[Collection("exchange-sqlite")]
public sealed class SqliteImportErrorTests(SqliteExchangeFixture fixture) : ImportErrorTests(fixture), IClassFixture<SqliteExchangeFixture>;

[Collection("exchange-postgres")]
public sealed class PostgresImportErrorTests(PostgresExchangeFixture fixture) : ImportErrorTests(fixture), IClassFixture<PostgresExchangeFixture>;
