using Deliberation.Domain.Statements;
using Deliberation.Exchange.Export;
using Deliberation.Exchange.Import;
using Deliberation.Exchange.Tests.Infrastructure;
using Deliberation.PolisFormat;
using Deliberation.PolisFormat.Files;

namespace Deliberation.Exchange.Tests;

/// <summary>Quotes, commas, line breaks, emoji and right-to-left text survive export and import.</summary>
public abstract class CsvEdgeCaseTests(ExchangeFixture fixture)
{
    [Fact]
    public async Task Awkward_text_survives_import_export_and_a_second_round()
    {
        string original = PolisFolder.Write(PolisFolder.Valid());
        string first = await RoundAsync(original);
        string second = await RoundAsync(first);

        var expected = ExportComparison.Comments(original).ToDictionary(c => c.Id, c => TextNormalizer.Normalize(c.Body));
        var exported = ExportComparison.Comments(first).ToDictionary(c => c.Id, c => c.Body);
        Assert.Equal(expected, exported);
        Assert.Contains("\"quotes\"", exported[1], StringComparison.Ordinal);
        Assert.Contains("🌍🔥", exported[2], StringComparison.Ordinal);
        Assert.Contains("نحن بحاجة", exported[2], StringComparison.Ordinal);
        Assert.StartsWith("עברית", exported[3], StringComparison.Ordinal);

        using var summaryText = File.OpenText(Path.Combine(first, PolisColumns.SummaryFile));
        var summary = SummaryFileReader.Read(summaryText);
        Assert.Equal("Parks, buses & \"fun\" — رأيك", summary.Topic);
        Assert.Equal("First line, with a comma.\nSecond line 🌱.", summary["conversation-description"]);

        // A second round changes nothing: our own export imports to the same files.
        foreach (var file in new[] { PolisColumns.CommentsFile, PolisColumns.VotesFile, PolisColumns.ParticipantsVotesFile })
        {
            Assert.Equal(await File.ReadAllTextAsync(Path.Combine(first, file)), await File.ReadAllTextAsync(Path.Combine(second, file)));
        }

        Assert.Equal(-1, ExportComparison.Comments(first).Single(c => c.Id == 3).AuthorId);
        ExportComparison.AssertSameMatrix(original, first);
    }

    private async Task<string> RoundAsync(string source)
    {
        await using var db = fixture.Open();
        var imported = await PolisImporter.ImportAsync(
            db, PolisExportReader.Read(source, PolisReadOptions.Strict), new ImportOptions { OwnerId = fixture.OwnerId }, DateTimeOffset.UtcNow, null, CancellationToken.None);
        string folder = Deliberation.Tests.Shared.Fixtures.TempFolder();
        await new ConversationExporter(db).WriteFolderAsync(imported.ConversationId, folder, new ExportOptions(), CancellationToken.None);
        return folder;
    }
}

[Collection("exchange-sqlite")]
public sealed class SqliteCsvEdgeCaseTests(SqliteExchangeFixture fixture) : CsvEdgeCaseTests(fixture), IClassFixture<SqliteExchangeFixture>;

[Collection("exchange-postgres")]
public sealed class PostgresCsvEdgeCaseTests(PostgresExchangeFixture fixture) : CsvEdgeCaseTests(fixture), IClassFixture<PostgresExchangeFixture>;
