using System.IO.Compression;
using Deliberation.PolisFormat;
using Deliberation.Tests.Shared;

namespace Deliberation.PolisFormat.Tests;

public class PolisExportReaderTests
{
    [Theory]
    [InlineData("vtaiwan.uberx", 1921, 197, true)]
    [InlineData("american-assembly.bowling-green", 2031, 896, false)]
    [InlineData("austria-climate.5twd2jsnkf.2022-08-08", 1116, 522, true)]
    [InlineData("scoop-hivemind.biodiversity", 536, 314, true)]
    [InlineData("canadian-electoral-reform", 448, 174, true)]
    [InlineData("brexit-consensus", 204, 50, true)]
    [InlineData("scoop-hivemind.ubi", 234, 70, true)]
    [InlineData("15-per-hour-seattle", 339, 54, true)]
    [InlineData("london.youth.policing", 26, 36, true)]
    public void Every_real_export_reads_with_the_documented_shape(string name, int voters, int statements, bool history)
    {
        var export = PolisExportReader.Read(Fixtures.Polis(name));

        Assert.Equal(voters, export.Participants.Count);
        Assert.Equal(statements, export.Summary.Entries.Where(e => e.Key == "comments").Select(e => int.Parse(e.Value, System.Globalization.CultureInfo.InvariantCulture)).Single());
        Assert.Equal(history, export.HasVoteHistory);
        Assert.NotEmpty(export.Statements);
        Assert.All(export.MatrixVotes, v => Assert.InRange(v.Value, -1, 1));
        Assert.Contains(export.Participants, p => p.GroupId is not null);
    }

    [Fact]
    public void A_zip_reads_like_the_folder_even_with_files_in_a_sub_folder()
    {
        string folder = Fixtures.Polis("brexit-consensus");
        string zip = Path.Combine(Fixtures.TempFolder(), "brexit.zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            foreach (string file in Directory.GetFiles(folder, "*.csv"))
            {
                archive.CreateEntryFromFile(file, "export/" + Path.GetFileName(file));
            }
        }

        var fromFolder = PolisExportReader.Read(folder);
        var fromZip = PolisExportReader.Read(zip);

        Assert.Equal(fromFolder.Participants, fromZip.Participants);
        Assert.Equal(fromFolder.MatrixVotes, fromZip.MatrixVotes);
        Assert.Equal(fromFolder.VoteHistory, fromZip.VoteHistory);
        Assert.Equal(fromFolder.Statements, fromZip.Statements);
    }

    [Fact]
    public void The_latest_vote_of_the_history_wins()
    {
        var history = new List<PolisVote> { new(10, 1, 5, 1), new(30, 1, 5, -1), new(20, 1, 5, 0), new(5, 2, 5, 0) };
        var export = new PolisExport(new PolisSummary([]), [], [], [], history);

        Assert.Equal([new PolisMatrixVote(5, 1, -1), new PolisMatrixVote(5, 2, 0)], export.LatestVotes());
    }

    [Fact]
    public void The_history_agrees_with_the_matrix_of_participants_votes()
    {
        var export = PolisExportReader.Read(Fixtures.Polis("canadian-electoral-reform"));
        var matrix = export.MatrixVotes.ToHashSet();
        var latest = export.LatestVotes();

        int same = latest.Count(matrix.Contains);
        Assert.True(same >= 0.98 * matrix.Count, $"{same} of {matrix.Count} matrix cells match the history");
    }

    [Fact]
    public void A_folder_without_participants_votes_is_a_format_error()
    {
        var error = Assert.Throws<PolisFormatException>(() => PolisExportReader.Read(Fixtures.TempFolder()));
        Assert.Equal("participants-votes.csv", error.File);
    }

    [Fact]
    public void A_file_that_is_not_a_zip_is_a_format_error()
    {
        string path = Path.Combine(Fixtures.TempFolder(), "export.zip");
        File.WriteAllText(path, "not a zip");
        Assert.Throws<PolisFormatException>(() => PolisExportReader.Read(path));
    }
}
