using System.Text.Json;
using Deliberation.Tests.Shared;

namespace Deliberation.Cli.Tests;

public class AnalyzeCommandTests
{
    [Fact]
    public void Json_output_has_k_elapsed_and_an_assignment_for_every_participant()
    {
        var (exit, output, error) = CliRunner.Run("analyze", Fixtures.Polis("london.youth.policing"), "--json");

        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(3, root.GetProperty("k").GetInt32());
        Assert.True(root.GetProperty("elapsedMs").GetDouble() > 0);
        Assert.Equal("replay", root.GetProperty("method").GetString());
        var assignments = root.GetProperty("assignments");
        Assert.Equal(26, assignments.EnumerateObject().Count());
        Assert.All(assignments.EnumerateObject(), a => Assert.True(a.Value.ValueKind is JsonValueKind.Null or JsonValueKind.Number));
        Assert.Equal(3, root.GetProperty("groups").GetArrayLength());
    }

    [Fact]
    public void The_summary_names_groups_statements_bridges_and_timing()
    {
        var (exit, output, _) = CliRunner.Run("analyze", Fixtures.Polis("brexit-consensus"));

        Assert.Equal(0, exit);
        Assert.Contains("Can there be consensus on Brexit?", output);
        Assert.Contains("Group A:", output);
        Assert.Contains("Group B:", output);
        Assert.Contains("Bridging statements", output);
        Assert.Contains("Polarisation:", output);
        Assert.Contains(" ms.", output);
    }

    [Fact]
    public void A_matrix_only_export_is_analysed_through_its_approximate_history()
    {
        string folder = Fixtures.TempFolder();
        foreach (string file in new[] { "participants-votes.csv", "comments.csv", "summary.csv" })
        {
            File.Copy(Path.Combine(Fixtures.Polis("15-per-hour-seattle"), file), Path.Combine(folder, file));
        }

        var (exit, output, _) = CliRunner.Run("analyze", folder, "--json", "--kmeans", "MlNet", "--replay-updates", "20");

        Assert.Equal(0, exit);
        Assert.Equal("replay-by-participant-id", JsonDocument.Parse(output).RootElement.GetProperty("method").GetString());
    }

    [Fact]
    public void A_missing_export_exits_with_3()
    {
        var (exit, _, error) = CliRunner.Run("analyze", Path.Combine(Fixtures.TempFolder(), "nothing-here"));
        Assert.Equal(3, exit);
        Assert.Contains("error:", error);
    }

    [Fact]
    public void A_malformed_file_exits_with_3_and_names_file_line_and_column()
    {
        string folder = Fixtures.TempFolder();
        File.WriteAllText(Path.Combine(folder, "participants-votes.csv"), "participant,group-id,0,1\n0,,1,-1\n1,,x,1\n");

        var (exit, _, error) = CliRunner.Run("analyze", folder);

        Assert.Equal(3, exit);
        Assert.Contains("participants-votes.csv:3:3", error);
    }

    [Theory]
    [InlineData("analyze")]
    [InlineData("analyze", "a", "--no-such-option")]
    [InlineData("analyze", "a", "--min-votes", "-1")]
    [InlineData("no-such-command")]
    public void Usage_errors_exit_with_2(params string[] args)
    {
        var (exit, _, error) = CliRunner.Run(args);
        Assert.Equal(2, exit);
        Assert.NotEmpty(error);
    }

    [Fact]
    public void Help_exits_with_0()
    {
        var (exit, output, _) = CliRunner.Run("analyze", "--help");
        Assert.Equal(0, exit);
        Assert.Contains("--json", output);
    }
}
