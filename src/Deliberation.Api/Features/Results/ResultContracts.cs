using Deliberation.Math;

namespace Deliberation.Api.Features.Results;

/// <summary>
/// The latest result of a conversation as the public sees it (participants' map, the report). The same record,
/// without <see cref="Statements"/>, is what the live push carries.
/// </summary>
public sealed record ResultsView(
    string ConversationId,
    long Tick,
    long Watermark,
    DateTimeOffset ComputedAt,
    ResultCountsView Counts,
    int K,
    IReadOnlyList<GroupView> Groups,
    IReadOnlyList<BaseClusterView> BaseClusters,
    IReadOnlyList<BridgingView> Bridging,
    IReadOnlyList<ConsensusView> MajorityAgree,
    IReadOnlyList<ConsensusView> MajorityDisagree,
    IReadOnlyList<UncertaintyView> Uncertainty,
    PolarisationView Polarisation,
    IReadOnlyList<StatementStatsView>? Statements);

public sealed record ResultCountsView(int Participants, int Votes, int Statements, int InConv);

public sealed record MapPoint(double X, double Y);

/// <summary>An opinion group: letter label, size, centre, outline (convex hull of its base clusters), what it stands for.</summary>
public sealed record GroupView(int Id, string Label, int Size, double X, double Y, IReadOnlyList<MapPoint> Hull, IReadOnlyList<RepresentativeView> Representative);

/// <summary>
/// A statement that sets a group apart. <c>Percent</c> is the share of the group that agrees (or disagrees, by
/// <c>Direction</c>); the rest are Polis's statistics (p, significance, ratio to the others, z of the difference).
/// </summary>
public sealed record RepresentativeView(
    long StatementId,
    RepnessDirection Direction,
    double Percent,
    double Metric,
    double Pa,
    double Pat,
    double Ra,
    double Rat,
    double Pd,
    double Pdt,
    double Rd,
    double Rdt,
    VoteTally InGroup);

public sealed record BaseClusterView(int Id, double X, double Y, int Size, int? Group);

/// <summary>
/// Common ground across the divide: every group leans to agree. Ranked by group-informed consensus (the product of
/// the groups' agree shares); the matrix-factorisation intercept is the second, independent bridging score.
/// </summary>
public sealed record BridgingView(
    long StatementId,
    double GroupInformedConsensus,
    IReadOnlyList<double> GroupAgreePercent,
    double Intercept,
    double Factor,
    BridgingStatus Status);

public sealed record ConsensusView(long StatementId, double Percent, double P, double Pt, VoteTally Votes);

public sealed record UncertaintyView(long StatementId, double PassPercent, VoteTally Votes);

public sealed record PolarisationView(
    double BetweenGroupVarianceShare,
    double MeanSilhouette,
    double FirstComponentVarianceShare,
    double MapVarianceShare,
    double MeanDivergence,
    double DivisiveStatementShare);

/// <summary>Every visible statement with its numbers (the report's table).</summary>
public sealed record StatementStatsView(
    long StatementId,
    long Number,
    string Text,
    bool IsMeta,
    VoteTally Votes,
    IReadOnlyList<VoteTally> GroupVotes,
    double GroupInformedConsensusAgree,
    double GroupInformedConsensusDisagree,
    BridgingScore Bridging,
    double Extremity,
    double Priority);

/// <summary>Where a participant stands: their place on the map, their group, and their votes beside their group's.</summary>
public sealed record MyResultsView(
    long Tick,
    long Watermark,
    bool HasVoted,
    bool IsClustered,
    double? X,
    double? Y,
    int? Group,
    string? GroupLabel,
    int? BaseCluster,
    IReadOnlyList<MyComparisonView> Comparisons);

/// <summary>My vote on a statement beside how my group and everyone voted (percent of those who saw it).</summary>
public sealed record MyComparisonView(long StatementId, Domain.Votes.VoteValue MyVote, double? GroupAgreePercent, double? GroupDisagreePercent, double EveryoneAgreePercent);

/// <summary>The facilitator's time series and how fast polarisation is changing.</summary>
public sealed record PolarisationSeriesView(int WindowMinutes, PolarisationRateView RatePerMinute, IReadOnlyList<PolarisationPoint> Points);

public sealed record PolarisationRateView(double? BetweenGroupVarianceShare, double? MeanSilhouette, double? MeanDivergence);

public sealed record PolarisationPoint(
    long Tick,
    DateTimeOffset At,
    int Participants,
    int Votes,
    int InConv,
    int K,
    IReadOnlyList<int> GroupSizes,
    double BetweenGroupVarianceShare,
    double MeanSilhouette,
    double FirstComponentVarianceShare,
    double MeanDivergence,
    double DivisiveStatementShare,
    int BridgingStatements);
