using System.IO.Compression;
using System.Text.Json;
using Deliberation.Data;
using Deliberation.Exchange;
using Deliberation.PolisFormat;
using Deliberation.PolisFormat.Files;
using Deliberation.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Cli.Tests;

/// <summary>import, export and replay run end to end against a SQLite file, as a researcher would run them.</summary>
public class ExchangeCommandTests
{
    private readonly string database = "Data Source=" + Path.Combine(Fixtures.TempFolder(), "deliberation.db");

    [Fact]
    public void Import_then_export_reproduces_the_vote_matrix_and_history_with_groups()
    {
        string original = Fixtures.Polis("london.youth.policing");
        var (exit, output, error) = CliRunner.Run("import", original, "--database", database, "--json");
        Assert.True(exit == ExitCodes.Ok, error);
        using var json = JsonDocument.Parse(output);
        string id = json.RootElement.GetProperty("conversationId").GetString()!;
        Assert.EndsWith("/c/" + id, json.RootElement.GetProperty("url").GetString(), StringComparison.Ordinal);
        Assert.Equal(640, json.RootElement.GetProperty("voteEvents").GetInt32());
        Assert.Contains("vote events", error, StringComparison.Ordinal); // progress goes to stderr

        string folder = Path.Combine(Fixtures.TempFolder(), "out");
        (exit, output, error) = CliRunner.Run("export", id, folder, "--database", database);
        Assert.True(exit == ExitCodes.Ok, error);

        var expected = PolisExportReader.Read(original);
        var actual = PolisExportReader.Read(folder);
        Assert.Equal(expected.MatrixVotes.ToHashSet(), actual.MatrixVotes.ToHashSet());
        Assert.Equal(expected.VoteHistory, actual.VoteHistory);
        Assert.Contains(actual.Participants, p => p.GroupId is not null); // the math ran after the import

        // math.json speaks in the export's numbers: participants and comment ids, not database ids.
        using var math = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "math.json")));
        var result = math.RootElement.GetProperty("result");
        var commentIds = expected.Statements.Select(s => s.Id).ToHashSet();
        var participantIds = expected.Participants.Select(p => p.Id).ToHashSet();
        Assert.All(result.GetProperty("statements").EnumerateArray(), s => Assert.Contains(s.GetProperty("id").GetInt64(), commentIds));
        Assert.All(result.GetProperty("participants").EnumerateArray(), p => Assert.Contains(p.GetProperty("id").GetInt64(), participantIds));
        var groupOf = actual.Participants.Where(p => p.GroupId is not null).ToDictionary(p => p.Id, p => p.GroupId!.Value);
        foreach (var group in result.GetProperty("groups").EnumerateArray())
        {
            Assert.All(group.GetProperty("members").EnumerateArray(), m => Assert.Equal(group.GetProperty("id").GetInt32(), groupOf[m.GetInt64()]));
        }
        Assert.Equal(["comment-groups.csv", "comments.csv", "math.json", "participants-votes.csv", "polarisation-history.csv", "summary.csv", "votes.csv"],
            Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Export_to_a_zip_and_single_files()
    {
        string id = Import(Fixtures.Polis("brexit-consensus"), "--no-math");
        string zip = Path.Combine(Fixtures.TempFolder(), "brexit");
        var (exit, _, error) = CliRunner.Run("export", id, zip, "--zip", "--database", database);
        Assert.True(exit == ExitCodes.Ok, error);
        using (var archive = ZipFile.OpenRead(zip + ".zip"))
        {
            Assert.Equal(7, archive.Entries.Count);
        }

        string folder = Fixtures.TempFolder();
        (exit, _, error) = CliRunner.Run("export", id, folder, "--file", "votes.csv", "--file", "summary.csv", "--database", database);
        Assert.True(exit == ExitCodes.Ok, error);
        Assert.Equal(["summary.csv", "votes.csv"], Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        using var summary = File.OpenText(Path.Combine(folder, "summary.csv"));
        Assert.Equal("Can there be consensus on Brexit?", SummaryFileReader.Read(summary).Topic);
    }

    [Fact]
    public void The_xid_column_appears_only_when_asked_for()
    {
        string id = Import(Fixtures.Polis("london.youth.policing"), "--no-math");
        string plain = Fixtures.TempFolder(), withXid = Fixtures.TempFolder();
        Assert.Equal(ExitCodes.Ok, CliRunner.Run("export", id, plain, "--database", database).Exit);
        Assert.Equal(ExitCodes.Ok, CliRunner.Run("export", id, withXid, "--xid", "--database", database).Exit);
        Assert.StartsWith("participant,group-id,", File.ReadLines(Path.Combine(plain, "participants-votes.csv")).First(), StringComparison.Ordinal);
        Assert.StartsWith("participant,xid,group-id,", File.ReadLines(Path.Combine(withXid, "participants-votes.csv")).First(), StringComparison.Ordinal);
    }

    [Fact]
    public void Replay_of_a_folder_and_of_a_conversation_write_csv_and_svg()
    {
        string output1 = Fixtures.TempFolder();
        var (exit, output, error) = CliRunner.Run("replay", Fixtures.Polis("london.youth.policing"), "--every", "100", "--out", output1);
        Assert.True(exit == ExitCodes.Ok, error);
        Assert.Equal(8, File.ReadAllLines(Path.Combine(output1, "replay.csv")).Length); // header + 7 steps (640 votes)
        Assert.StartsWith("<?xml", File.ReadAllText(Path.Combine(output1, "replay.svg")), StringComparison.Ordinal);
        Assert.Contains("7 steps", output, StringComparison.Ordinal);

        string id = Import(Fixtures.Polis("london.youth.policing"), "--no-math");
        string output2 = Fixtures.TempFolder();
        (exit, output, error) = CliRunner.Run("replay", id, "--minutes", "2", "--out", output2, "--database", database, "--json");
        Assert.True(exit == ExitCodes.Ok, error);
        using var json = JsonDocument.Parse(output);
        Assert.True(json.RootElement.GetProperty("steps").GetArrayLength() > 1);
        Assert.True(File.Exists(Path.Combine(output2, "replay.svg")));
    }

    [Fact]
    public void A_malformed_export_exits_3_naming_file_line_and_column_and_writes_nothing()
    {
        string folder = Fixtures.TempFolder();
        foreach (var file in Directory.GetFiles(Fixtures.Polis("brexit-consensus")))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        var lines = File.ReadAllLines(Path.Combine(folder, "votes.csv"));
        lines[3] = string.Join(',', lines[3].Split(',')[..4]) + ",agree";
        File.WriteAllLines(Path.Combine(folder, "votes.csv"), lines);

        var (exit, _, error) = CliRunner.Run("import", folder, "--database", database);
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("votes.csv:4:5:", error, StringComparison.Ordinal);

        using var db = ExchangeDatabase.Open(DatabaseProvider.Sqlite, database);
        db.Database.Migrate();
        Assert.Equal(0, db.Conversations.Count());
    }

    [Fact]
    public void A_missing_folder_exits_3_and_an_unknown_conversation_exits_4()
    {
        Assert.Equal(ExitCodes.BadInput, CliRunner.Run("import", Path.Combine(Fixtures.TempFolder(), "nothing-here"), "--database", database).Exit);
        var (exit, _, error) = CliRunner.Run("export", "abcdefghijkl", Fixtures.TempFolder(), "--database", database);
        Assert.Equal(ExitCodes.NotFound, exit);
        Assert.Contains("abcdefghijkl", error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreachable_database_exits_5()
    {
        var (exit, _, error) = CliRunner.Run(
            "export", "abcdefghijkl", Fixtures.TempFolder(), "--database", "Host=127.0.0.1;Port=1;Username=nobody;Database=none;Timeout=2", "--provider", "Postgres");
        Assert.Equal(ExitCodes.Database, exit);
        Assert.Contains("database", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_options_exit_2_and_help_explains_the_commands()
    {
        Assert.Equal(ExitCodes.Usage, CliRunner.Run("replay", Fixtures.Polis("london.youth.policing"), "--every", "0").Exit);
        Assert.Equal(ExitCodes.Usage, CliRunner.Run("replay", Fixtures.Polis("london.youth.policing"), "--every", "5", "--minutes", "5").Exit);
        Assert.Equal(ExitCodes.Usage, CliRunner.Run("export", "abcdefghijkl", "out", "--file", "secrets.csv").Exit);

        var (exit, output, _) = CliRunner.Run("--help");
        Assert.Equal(ExitCodes.Ok, exit);
        foreach (var word in new[] { "import", "export", "replay", "Exit codes" })
        {
            Assert.Contains(word, output, StringComparison.Ordinal);
        }

        (_, output, _) = CliRunner.Run("import", "--help");
        Assert.Contains("--owner", output, StringComparison.Ordinal);
        Assert.Contains("--database", output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_owner_account_is_created_once_and_reused()
    {
        var first = CliRunner.Run("import", Fixtures.Polis("london.youth.policing"), "--owner", "researcher@example.org", "--no-math", "--database", database);
        var second = CliRunner.Run("import", Fixtures.Polis("london.youth.policing"), "--owner", "researcher@example.org", "--no-math", "--database", database);
        Assert.Contains("Created facilitator account researcher@example.org", first.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Created facilitator", second.Error, StringComparison.Ordinal);

        using var db = ExchangeDatabase.Open(DatabaseProvider.Sqlite, database);
        Assert.Single(db.Users.Where(u => u.NormalizedEmail == "RESEARCHER@EXAMPLE.ORG"));
        Assert.Equal(2, db.Conversations.Count());
    }

    private string Import(string path, params string[] more)
    {
        var (exit, output, error) = CliRunner.Run(["import", path, "--database", database, "--json", .. more]);
        Assert.True(exit == ExitCodes.Ok, error);
        using var json = JsonDocument.Parse(output);
        return json.RootElement.GetProperty("conversationId").GetString()!;
    }
}
