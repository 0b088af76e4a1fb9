using Deliberation.Cli.Analysis;
using Deliberation.Cli.Synthesis;
using Deliberation.PolisFormat;
using Deliberation.Tests.Shared;

namespace Deliberation.Cli.Tests;

public class SynthCommandTests
{
    private static double AdjustedRand(IReadOnlyList<int> a, IReadOnlyList<int> b)
    {
        static double Pairs(long x) => x * (x - 1) / 2.0;
        double index = a.Zip(b).GroupBy(x => x).Sum(g => Pairs(g.Count()));
        double sa = a.GroupBy(x => x).Sum(g => Pairs(g.Count()));
        double sb = b.GroupBy(x => x).Sum(g => Pairs(g.Count()));
        double expected = sa * sb / Pairs(a.Count), max = (sa + sb) / 2;
        return max == expected ? 1 : (index - expected) / (max - expected);
    }

    [Fact]
    public void Synth_writes_a_polis_export_that_reads_back()
    {
        string folder = Fixtures.TempFolder();
        var (exit, output, error) = CliRunner.Run("synth", "--participants", "300", "--statements", "40", "--votes", "6000", "--groups", "3", "--seed", "5", "--output", folder);

        Assert.True(exit == 0, error);
        Assert.Contains("Wrote", output);
        var export = PolisExportReader.Read(folder);
        Assert.True(export.HasVoteHistory);
        Assert.Equal(40, export.Statements.Count);
        Assert.InRange(export.LatestVotes().Count, 5400, 6600);
        Assert.Equal(
            export.MatrixVotes.OrderBy(v => v.ParticipantId).ThenBy(v => v.StatementId),
            export.LatestVotes().OrderBy(v => v.ParticipantId).ThenBy(v => v.StatementId));
        Assert.Equal(3, export.Participants.Select(p => p.GroupId).Distinct().Count());
        Assert.Contains(export.Statements, s => s.Body.Contains('\n') && s.Body.Contains(',') && s.Body.Contains('"'));
        Assert.True(export.VoteHistory!.Count > export.LatestVotes().Count, "some votes were changed");
    }

    [Fact]
    public void The_same_seed_writes_the_same_files()
    {
        string a = Fixtures.TempFolder(), b = Fixtures.TempFolder();
        CliRunner.Run("synth", "--participants", "80", "--statements", "15", "--votes", "800", "--seed", "9", "--output", a);
        CliRunner.Run("synth", "--participants", "80", "--statements", "15", "--votes", "800", "--seed", "9", "--output", b);

        foreach (string file in Directory.GetFiles(a).Select(Path.GetFileName).OfType<string>())
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(a, file)), File.ReadAllBytes(Path.Combine(b, file)));
        }
    }

    [Fact]
    public void Participation_is_heavy_tailed()
    {
        var c = SyntheticConversation.Generate(new SynthSettings { Participants = 2000, Statements = 200, Votes = 40_000, Seed = 3 });
        int[] perParticipant = [.. c.Votes.GroupBy(v => v.VoterId).Select(g => g.Select(v => v.StatementId).Distinct().Count()).Order()];
        int median = perParticipant[perParticipant.Length / 2];
        Assert.True(perParticipant[^1] >= 10 * median, $"most active {perParticipant[^1]} vs median {median}");
        double passShare = c.Votes.Count(v => v.Value == 0) / (double)c.Votes.Count;
        Assert.InRange(passShare, 0.08, 0.3);
    }

    [Theory]
    [InlineData(2, 11, 18000, "0.9")]
    [InlineData(3, 12, 18000, "0.9")]
    [InlineData(4, 13, 30000, "1")]
    public void Well_separated_planted_groups_are_recovered(int groups, int seed, int votes, string separation)
    {
        string folder = Fixtures.TempFolder();
        var (exit, _, error) = CliRunner.Run("synth", "--participants", "600", "--statements", "60", "--votes", votes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--groups", groups.ToString(System.Globalization.CultureInfo.InvariantCulture), "--separation", separation,
            "--seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture), "--output", folder);
        Assert.True(exit == 0, error);

        var export = PolisExportReader.Read(folder);
        var report = PolisAnalysis.Analyze(export, new AnalysisSettings { MeasureColdUpdate = false });
        var planted = export.Participants.ToDictionary(p => p.Id, p => p.GroupId!.Value);
        var ours = report.Assignments.Where(a => a.Value is not null).ToList();

        double ari = AdjustedRand([.. ours.Select(a => planted[a.Key])], [.. ours.Select(a => a.Value!.Value)]);
        Assert.True(ari >= 0.95, $"ARI {ari:0.000} against the planted groups (k {report.Result.K})");
        Assert.Equal(groups, report.Result.K);
    }

    [Fact]
    public void Invalid_settings_are_usage_errors()
    {
        var (exit, _, error) = CliRunner.Run("synth", "--separation", "2", "--output", Fixtures.TempFolder());
        Assert.Equal(2, exit);
        Assert.Contains("separation", error);
        Assert.Equal(2, CliRunner.Run("synth").Exit); // --output is required
    }
}
