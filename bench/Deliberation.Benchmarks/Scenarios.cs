using Deliberation.Cli.Analysis;
using Deliberation.Cli.Synthesis;
using Deliberation.Math;
using Deliberation.PolisFormat;

namespace Deliberation.Benchmarks;

/// <summary>The conversations the speed goals name (docs/math.md, "Speed").</summary>
public static class Scenarios
{
    public const string BowlingGreen = "bowling-green";
    public const string Synthetic33K = "synthetic-33k";
    public const string Synthetic100K = "synthetic-100k";

    public static (StatementInput[] Statements, VoteInput[] Votes) Load(string name) => name switch
    {
        BowlingGreen => FromExport(PolisExportReader.Read(FixtureFolder("american-assembly.bowling-green"))),
        Synthetic33K => Synthetic(33_000, 800, 2_000_000),
        Synthetic100K => Synthetic(100_000, 5_000, 10_000_000),
        _ => throw new ArgumentException($"unknown scenario {name}", nameof(name)),
    };

    /// <summary>The same votes with 100 of them changed and 100 new ones from a late participant: "warm after 100 new votes".</summary>
    public static VoteInput[] WithHundredNewVotes(VoteInput[] votes, StatementInput[] statements)
    {
        var changed = votes.Select((v, i) => i % (votes.Length / 50) == 0 ? v with { Value = (sbyte)(v.Value == 1 ? -1 : 1) } : v).ToList();
        long newcomer = votes.Max(v => v.ParticipantId) + 1;
        changed.AddRange(statements.Take(50).Select((s, j) => new VoteInput(newcomer, s.Id, (sbyte)((j % 3) - 1))));
        return [.. changed];
    }

    private static (StatementInput[], VoteInput[]) FromExport(PolisExport export) =>
        ([.. PolisInputs.Statements(export).Select(s => s.Statement)], [.. PolisInputs.LatestVotes(export)]);

    private static (StatementInput[], VoteInput[]) Synthetic(int participants, int statements, int votes)
    {
        var c = SyntheticConversation.Generate(new SynthSettings { Participants = participants, Statements = statements, Votes = votes, Groups = 3, Seed = 1 });
        var latest = new Dictionary<(long, long), sbyte>(votes);
        foreach (var v in c.Votes)
        {
            latest[(v.VoterId, v.StatementId)] = v.Value;
        }

        StatementInput[] s = [.. c.Statements.Select(x => new StatementInput(x.Id, x.Moderated < 0 ? StatementModeration.Rejected : StatementModeration.Accepted, false))];
        return (s, [.. latest.Select(kv => new VoteInput(kv.Key.Item1, kv.Key.Item2, kv.Value))]);
    }

    private static string FixtureFolder(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "tests", "fixtures", "polis", name);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"tests/fixtures/polis/{name} not found above {AppContext.BaseDirectory}");
    }
}
