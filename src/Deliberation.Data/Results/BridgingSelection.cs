using Deliberation.Math;

namespace Deliberation.Data.Results;

/// <summary>
/// Which statements the product calls bridging: with at least two groups, every group has seen it enough and leans to
/// agree (smoothed agree share ≥ 0.6, Jigsaw's "common ground" bar), ranked by group-informed consensus.
/// </summary>
public static class BridgingSelection
{
    public const double MinGroupAgreeShare = 0.6;
    public const int MinGroupVotes = 3;

    public static bool IsBridging(StatementResult statement, int k) =>
        k >= 2
        && !statement.ModeratedOut
        && statement.GroupVotes.Length == k
        && statement.GroupVotes.All(g => g.S >= MinGroupVotes && AgreeShare(g) >= MinGroupAgreeShare);

    public static IEnumerable<StatementResult> Select(MathResult result) =>
        result.Statements
            .Where(s => IsBridging(s, result.K))
            .OrderByDescending(s => s.GroupInformedConsensusAgree)
            .ThenBy(s => s.Id);

    /// <summary>(A + 1) / (S + 2), the smoothed share Polis uses everywhere.</summary>
    public static double AgreeShare(VoteTally votes) => (votes.A + 1.0) / (votes.S + 2.0);
}
