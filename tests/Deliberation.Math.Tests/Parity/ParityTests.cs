using Deliberation.Tests.Shared;
using Xunit.Abstractions;

namespace Deliberation.Math.Tests.Parity;

/// <summary>
/// Our groups against Polis's own group-id on the nine real conversations (docs/math.md, "Parity"). The floors are
/// what the engine reaches today (the computation is deterministic), so any regression fails.
/// </summary>
public class ParityTests(ParityRuns runs, ITestOutputHelper output) : IClassFixture<ParityRuns>
{
    // name → (ARI floor, same k as Polis, Polis-grouped participants we do not cluster at most)
    private static readonly Dictionary<string, (double Ari, bool SameK, int Uncovered)> Floors = new()
    {
        ["15-per-hour-seattle"] = (0.88, true, 0),
        ["american-assembly.bowling-green"] = (0.53, true, 0),
        ["austria-climate.5twd2jsnkf.2022-08-08"] = (0.98, true, 0),
        ["brexit-consensus"] = (0.91, true, 6),
        ["canadian-electoral-reform"] = (0.96, true, 0),
        ["london.youth.policing"] = (0.10, true, 0),
        ["scoop-hivemind.biodiversity"] = (0.93, true, 0),
        ["scoop-hivemind.ubi"] = (0.09, false, 58),
        ["vtaiwan.uberx"] = (0.93, true, 0),
    };

    public static TheoryData<string> Names() => [.. Fixtures.PolisNames()];

    [Theory]
    [MemberData(nameof(Names))]
    public void Groups_agree_with_polis_at_least_as_well_as_before(string name)
    {
        var row = runs.For(name);
        output.WriteLine($"{name}: ARI {row.Ari:0.000}, k {row.KOurs}/{row.KPolis}, covered {row.Covered}/{row.PolisGrouped}, {row.Milliseconds:0} ms");
        var floor = Floors[name];

        Assert.True(row.Ari >= floor.Ari, $"ARI {row.Ari:0.000} fell below {floor.Ari}");
        if (floor.SameK)
        {
            Assert.Equal(row.KPolis, row.KOurs);
        }

        Assert.True(row.PolisGrouped - row.Covered <= floor.Uncovered, $"{row.PolisGrouped - row.Covered} Polis-grouped participants not clustered");
    }

    [Fact]
    public void Median_ari_and_same_k_reach_the_goal()
    {
        var rows = Fixtures.PolisNames().Select(runs.For).ToList();
        double[] aris = [.. rows.Select(r => r.Ari).Order()];
        double median = aris[aris.Length / 2];
        int sameK = rows.Count(r => r.KOurs == r.KPolis);
        foreach (var r in rows)
        {
            output.WriteLine($"{r.Name,-40} ARI {r.Ari:0.000}  k {r.KOurs}/{r.KPolis}  covered {r.Covered}/{r.PolisGrouped}  {r.Milliseconds,6:0} ms");
        }

        output.WriteLine($"median ARI {median:0.000}; same k {sameK}/{rows.Count}");
        Assert.Equal(9, rows.Count);
        Assert.True(median >= 0.90, $"median ARI {median:0.000}");
        Assert.True(sameK >= 8, $"same k on {sameK}");
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Majority_statements_agree_with_the_tallies_of_comments_csv(string name)
    {
        var row = runs.For(name);
        var csv = row.Export.Statements.ToDictionary(s => s.Id);
        var result = row.Report.Result;
        foreach (var c in result.MajorityAgree)
        {
            var s = csv[c.StatementId];
            Assert.True(s.Agrees > s.Disagrees, $"statement {s.Id}: {s.Agrees} agrees vs {s.Disagrees} disagrees in comments.csv");
            Assert.True(s.Moderated >= 0, $"statement {s.Id} is rejected");
        }

        foreach (var c in result.MajorityDisagree)
        {
            var s = csv[c.StatementId];
            Assert.True(s.Disagrees > s.Agrees, $"statement {s.Id}: {s.Disagrees} disagrees vs {s.Agrees} agrees in comments.csv");
        }

        // comments.csv counts every vote row (repeats included): our latest-vote tallies never exceed it by much.
        foreach (var s in result.Statements.Where(s => csv.ContainsKey(s.Id)))
        {
            Assert.True(s.Votes.A <= csv[s.Id].Agrees + 2 + (csv[s.Id].Agrees / 20), $"statement {s.Id}: {s.Votes.A} agrees vs {csv[s.Id].Agrees}");
        }
    }
}
