using System.Diagnostics;
using Deliberation.Domain.Statements;
using Deliberation.Exchange.Export;
using Deliberation.Exchange.Import;
using Deliberation.Exchange.Tests.Infrastructure;
using Deliberation.PolisFormat;
using Deliberation.Tests.Shared;
using Xunit.Abstractions;

namespace Deliberation.Exchange.Tests;

/// <summary>Import → export of every real conversation reproduces Polis's vote matrix and vote history exactly.</summary>
public abstract class RoundTripTests(ExchangeFixture fixture, ITestOutputHelper output)
{
    public static TheoryData<string> Conversations() => [.. Fixtures.PolisNames()];

    [Theory]
    [MemberData(nameof(Conversations))]
    public async Task Import_then_export_reproduces_the_matrix_and_the_vote_history(string name)
    {
        string original = Fixtures.Polis(name);
        var export = PolisExportReader.Read(original, PolisReadOptions.Strict);
        await using var db = fixture.Open();

        var stopwatch = Stopwatch.StartNew();
        var stages = new StageClock();
        var imported = await PolisImporter.ImportAsync(db, export, new ImportOptions { OwnerId = fixture.OwnerId }, DateTimeOffset.UtcNow, stages, CancellationToken.None);
        output.WriteLine($"{fixture.Provider} {name}: imported {imported.VoteEvents} events in {stopwatch.ElapsedMilliseconds} ms ({stages})");

        string folder = Fixtures.TempFolder();
        stopwatch.Restart();
        await new ConversationExporter(db).WriteFolderAsync(imported.ConversationId, folder, new ExportOptions(), CancellationToken.None);
        output.WriteLine($"{fixture.Provider} {name}: exported in {stopwatch.ElapsedMilliseconds} ms");

        ExportComparison.AssertSameMatrix(original, folder);
        var comments = ExportComparison.Comments(folder).ToDictionary(c => c.Id);
        Assert.Equal(export.Statements.Count, comments.Count);
        foreach (var expected in export.Statements)
        {
            var actual = comments[expected.Id];
            Assert.Equal((expected.AuthorId, expected.Moderated, expected.Timestamp), (actual.AuthorId, actual.Moderated, actual.Timestamp));
            Assert.Equal(TextNormalizer.Normalize(expected.Body), actual.Body);
            if (export.HasVoteHistory)
            {
                Assert.Equal((expected.Agrees, expected.Disagrees), (actual.Agrees, actual.Disagrees));
            }
        }

        var votes = ExportComparison.Votes(folder);
        if (export.HasVoteHistory)
        {
            Assert.Equal(export.VoteHistory!, votes);
        }
        else
        {
            Assert.Equal(export.MatrixVotes.Count, votes.Count);
        }
    }
}

[Collection("exchange-sqlite")]
public sealed class SqliteRoundTripTests(SqliteExchangeFixture fixture, ITestOutputHelper output)
    : RoundTripTests(fixture, output), IClassFixture<SqliteExchangeFixture>;

[Collection("exchange-postgres")]
public sealed class PostgresRoundTripTests(PostgresExchangeFixture fixture, ITestOutputHelper output)
    : RoundTripTests(fixture, output), IClassFixture<PostgresExchangeFixture>;
