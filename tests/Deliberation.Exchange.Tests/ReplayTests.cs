using System.Xml.Linq;
using Deliberation.Exchange.Import;
using Deliberation.Exchange.Replay;
using Deliberation.Exchange.Tests.Infrastructure;
using Deliberation.Math.Replay;
using Deliberation.PolisFormat;
using Deliberation.Tests.Shared;

namespace Deliberation.Exchange.Tests;

public class ReplayTests
{
    [Fact]
    public void Every_n_votes_gives_a_step_per_n_events_and_the_last_sees_everything()
    {
        var history = ReplaySources.FromPolis(PolisExportReader.Read(Fixtures.Polis("london.youth.policing")), "london");
        var points = ConversationReplay.Run(history, new ReplaySettings { EveryVotes = 50 });

        Assert.Equal(13, points.Count);
        Assert.Equal(Enumerable.Range(1, 12).Select(i => i * 50).Append(640), points.Select(p => p.Events));
        Assert.Equal(638, points[^1].Votes);
        Assert.True(points[^1].K >= 2, $"k = {points[^1].K}");
        Assert.Equal(points[^1].K, points[^1].GroupSizes.Count);
        Assert.True(points.Zip(points.Skip(1)).All(p => p.First.Timestamp <= p.Second.Timestamp));
        Assert.True(points.Zip(points.Skip(1)).All(p => p.First.InConv <= p.Second.InConv), "clustering never shrinks");
    }

    [Fact]
    public void Every_t_minutes_steps_follow_the_clock_and_skip_quiet_intervals()
    {
        long h = 3_600_000;
        var votes = new[] { 0, 1_000, 2 * h, 2 * h + 5, 10 * h }
            .Select((t, i) => new TimedVote(1_000_000 + t, i, 0, 1)).ToArray();
        var ends = ConversationReplay.Boundaries(votes, new ReplaySettings { EveryMinutes = 60 });
        Assert.Equal([2, 4, 5], ends);
    }

    [Fact]
    public void The_chart_is_well_formed_svg_with_escaped_text()
    {
        var history = ReplaySources.FromPolis(PolisExportReader.Read(Fixtures.Polis("brexit-consensus")), "brexit");
        var points = ConversationReplay.Run(history, new ReplaySettings { EveryMinutes = 24 * 60 });
        string svg = ReplayChart.Render("Parks <&> \"buses\" — رأيك", points, history.SyntheticTimes);

        var document = XDocument.Parse(svg);
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal(ns + "svg", document.Root!.Name);
        Assert.Contains(document.Descendants(ns + "text"), t => t.Value == "Parks <&> \"buses\" — رأيك");
        Assert.True(document.Descendants(ns + "polyline").Count() >= 4);
        Assert.True(document.Descendants(ns + "polygon").Count() >= 2, "one stacked area per group");
    }

    [Fact]
    public void The_csv_has_a_row_per_step()
    {
        var history = ReplaySources.FromPolis(PolisExportReader.Read(Fixtures.Polis("london.youth.policing")), "london");
        var points = ConversationReplay.Run(history, new ReplaySettings { EveryVotes = 100 });
        var text = new StringWriter();
        ReplayCsv.Write(text, points);

        var lines = text.ToString().TrimEnd('\n').Split('\n');
        Assert.Equal(points.Count + 1, lines.Length);
        Assert.StartsWith("step,timestamp,datetime,vote-events,participants,votes,statements,in-conv,k,group-sizes,", lines[0], StringComparison.Ordinal);
    }
}

/// <summary>A conversation replayed from the database gives exactly the series of its Polis export.</summary>
public abstract class DatabaseReplayTests(ExchangeFixture fixture)
{
    [Theory]
    [InlineData("london.youth.policing", true)]
    [InlineData("brexit-consensus", false)]
    public async Task Replay_from_the_database_equals_replay_from_the_export(string name, bool withHistory)
    {
        string folder = Fixtures.TempFolder();
        foreach (var file in Directory.GetFiles(Fixtures.Polis(name), "*.csv").Where(f => withHistory || Path.GetFileName(f) != PolisColumns.VotesFile))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        var export = PolisExportReader.Read(folder, PolisReadOptions.Strict);
        Assert.Equal(withHistory, export.HasVoteHistory);
        await using var db = fixture.Open();
        var imported = await PolisImporter.ImportAsync(db, export, new ImportOptions { OwnerId = fixture.OwnerId }, DateTimeOffset.UtcNow, null, CancellationToken.None);
        var settings = new ReplaySettings { DefaultSteps = 8 };

        var fromDatabase = ConversationReplay.Run(await ReplaySources.FromDatabaseAsync(db, imported.ConversationId, CancellationToken.None), settings);
        var fromExport = ConversationReplay.Run(ReplaySources.FromPolis(export, name), settings);

        Assert.Equal(Csv(fromExport), Csv(fromDatabase));
    }

    private static string Csv(IReadOnlyList<ReplayPoint> points)
    {
        var text = new StringWriter();
        ReplayCsv.Write(text, points);
        return text.ToString();
    }
}

[Collection("exchange-sqlite")]
public sealed class SqliteDatabaseReplayTests(SqliteExchangeFixture fixture) : DatabaseReplayTests(fixture), IClassFixture<SqliteExchangeFixture>;

[Collection("exchange-postgres")]
public sealed class PostgresDatabaseReplayTests(PostgresExchangeFixture fixture) : DatabaseReplayTests(fixture), IClassFixture<PostgresExchangeFixture>;
