using Deliberation.Data.Results;
using Deliberation.Math;

namespace Deliberation.Api.Features.Results;

/// <summary>What the public may see of a statement: rejected statements are absent from results views.</summary>
public sealed record VisibleStatement(long Id, long Number, string Text, bool IsMeta);

/// <summary>Turns a math result into the public view: rejected statements dropped, numbers rounded for the wire.</summary>
public static class ResultsViewBuilder
{
    public const int MaxBridging = 10;

    public static ResultsView Build(
        string conversationId, long tick, long watermark, DateTimeOffset computedAt, MathResult result, IReadOnlyDictionary<long, VisibleStatement> visible)
    {
        var groupOfParticipant = result.Participants.Where(p => p.BaseCluster is not null)
            .GroupBy(p => p.BaseCluster!.Value)
            .ToDictionary(g => g.Key, g => g.First().Group);
        var baseClusters = result.BaseClusters
            .Select(c => new BaseClusterView(c.Id, R(c.X), R(c.Y), c.Members.Length, groupOfParticipant.GetValueOrDefault(c.Id)))
            .ToList();

        var groups = result.Groups.Select(g => new GroupView(
                g.Id,
                g.Label,
                g.Members.Length,
                R(g.X),
                R(g.Y),
                ConvexHull.Of(baseClusters.Where(c => c.Group == g.Id).Select(c => new MapPoint(c.X, c.Y))),
                g.Representative.Where(r => visible.ContainsKey(r.StatementId)).Select(Representative).ToList()))
            .ToList();

        var bridging = BridgingSelection.Select(result)
            .Where(s => visible.ContainsKey(s.Id))
            .Take(MaxBridging)
            .Select(s => new BridgingView(
                s.Id,
                R(s.GroupInformedConsensusAgree),
                s.GroupVotes.Select(g => Percent(g.A, g.S)).ToList(),
                R(s.Bridging.Intercept),
                R(s.Bridging.Factor),
                s.Bridging.Status))
            .ToList();

        return new ResultsView(
            conversationId,
            tick,
            watermark,
            computedAt,
            new ResultCountsView(result.Counts.Participants, result.Counts.Votes, result.Counts.Statements, result.Counts.InConv),
            result.K,
            groups,
            baseClusters,
            bridging,
            Consensus(result.MajorityAgree, visible, agree: true),
            Consensus(result.MajorityDisagree, visible, agree: false),
            result.Uncertainty.Where(u => visible.ContainsKey(u.StatementId))
                .Select(u => new UncertaintyView(u.StatementId, R(u.PassShare * 100, 1), u.Votes)).ToList(),
            Polarisation(result.Polarisation),
            result.Statements.Where(s => visible.ContainsKey(s.Id)).Select(s => Stats(s, visible[s.Id])).ToList());
    }

    public static PolarisationView Polarisation(PolarisationMeasures p) => new(
        R(p.BetweenGroupVarianceShare), R(p.MeanSilhouette), R(p.FirstComponentVarianceShare), R(p.MapVarianceShare), R(p.MeanDivergence), R(p.DivisiveStatementShare));

    /// <summary>Agree (or disagree) share in percent of those who saw the statement, one decimal.</summary>
    public static double Percent(int count, int seen) => seen == 0 ? 0 : R(100.0 * count / seen, 1);

    private static RepresentativeView Representative(RepresentativeStatement r) => new(
        r.StatementId,
        r.Direction,
        Percent(r.Direction == RepnessDirection.Agree ? r.InGroup.A : r.InGroup.D, r.InGroup.S),
        R(r.Metric),
        R(r.Pa),
        R(r.Pat),
        R(r.Ra),
        R(r.Rat),
        R(r.Pd),
        R(r.Pdt),
        R(r.Rd),
        R(r.Rdt),
        r.InGroup);

    private static List<ConsensusView> Consensus(IEnumerable<ConsensusStatement> statements, IReadOnlyDictionary<long, VisibleStatement> visible, bool agree) =>
        statements.Where(c => visible.ContainsKey(c.StatementId))
            .Select(c => new ConsensusView(c.StatementId, Percent(agree ? c.Votes.A : c.Votes.D, c.Votes.S), R(c.P), R(c.Pt), c.Votes))
            .ToList();

    private static StatementStatsView Stats(StatementResult s, VisibleStatement statement) => new(
        s.Id,
        statement.Number,
        statement.Text,
        statement.IsMeta,
        s.Votes,
        s.GroupVotes,
        R(s.GroupInformedConsensusAgree),
        R(s.GroupInformedConsensusDisagree),
        s.Bridging with { Intercept = R(s.Bridging.Intercept), Factor = R(s.Bridging.Factor) },
        R(s.Extremity),
        R(s.Priority));

    /// <summary>Four decimals are more than a map or a percentage needs, and keep the pushed JSON small.</summary>
    private static double R(double value, int digits = 4) => double.IsFinite(value) ? System.Math.Round(value, digits) : 0;
}
