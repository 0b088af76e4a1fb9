namespace Deliberation.Math;

/// <summary>One update's result: everything the product shows and exports. Ids are the caller's.</summary>
public sealed record MathResult
{
    public ResultCounts Counts { get; init; } = new(0, 0, 0, 0);

    /// <summary>Clustered participants ("in-conv"), ascending.</summary>
    public long[] InConv { get; init; } = [];

    /// <summary>Every voter's position on the 2-D map, with their base cluster and group when clustered.</summary>
    public ParticipantPosition[] Participants { get; init; } = [];

    /// <summary>The (up to 100) base clusters, by id.</summary>
    public BaseCluster[] BaseClusters { get; init; } = [];

    /// <summary>Number of opinion groups published (after smoothing); equals Groups.Length.</summary>
    public int K { get; init; }

    public OpinionGroup[] Groups { get; init; } = [];

    /// <summary>Statements most voters agree with (pa &gt; 0.5, significant), best first.</summary>
    public ConsensusStatement[] MajorityAgree { get; init; } = [];

    /// <summary>Statements most voters disagree with, best first.</summary>
    public ConsensusStatement[] MajorityDisagree { get; init; } = [];

    /// <summary>Statements many people pass on: passes/seen &gt; 0.3, best first.</summary>
    public UncertainStatement[] Uncertainty { get; init; } = [];

    /// <summary>Per statement, ascending id: tallies, group-informed consensus, bridging, extremity, routing priority.</summary>
    public StatementResult[] Statements { get; init; } = [];

    public PolarisationMeasures Polarisation { get; init; } = new();
}

public sealed record ResultCounts(int Participants, int Votes, int Statements, int InConv);

public sealed record ParticipantPosition(long Id, double X, double Y, int? BaseCluster, int? Group);

public sealed record BaseCluster(int Id, double X, double Y, long[] Members);

/// <summary>An opinion group: Id 0..k−1 in stable order, Label "A", "B", …</summary>
public sealed record OpinionGroup(int Id, string Label, double X, double Y, long[] Members, RepresentativeStatement[] Representative);

public enum RepnessDirection
{
    Agree,
    Disagree,
}

/// <summary>
/// Why a statement represents a group (spec §1.7): p = smoothed share inside the group, pt its significance,
/// r = ratio to everyone else, rt the two-proportion z; a = agree, d = disagree.
/// </summary>
public sealed record RepresentativeStatement(
    long StatementId,
    RepnessDirection Direction,
    double Metric,
    double Pa,
    double Pat,
    double Ra,
    double Rat,
    double Pd,
    double Pdt,
    double Rd,
    double Rdt,
    VoteTally InGroup,
    VoteTally OutOfGroup);

/// <summary>A (agree), D (disagree), P (pass), S (seen = A + D + P).</summary>
public readonly record struct VoteTally(int A, int D, int P, int S);

/// <summary>Majority statement with its smoothed share p and significance pt.</summary>
public sealed record ConsensusStatement(long StatementId, double P, double Pt, VoteTally Votes);

public sealed record UncertainStatement(long StatementId, double PassShare, VoteTally Votes);

public enum BridgingStatus
{
    /// <summary>Fewer raters than the model needs, or bridging disabled.</summary>
    NotRated,

    /// <summary>Fitted, neither helpful nor not helpful.</summary>
    Neutral,

    /// <summary>Intercept ≥ 0.40 and |factor| &lt; 0.50: agreed on across the divide.</summary>
    Helpful,

    /// <summary>Intercept &lt; −0.05 − 0.8·|factor|.</summary>
    NotHelpful,
}

/// <summary>One-factor matrix factorisation of a statement: intercept = bridging score, factor = polarity.</summary>
public sealed record BridgingScore(double Intercept, double Factor, int Raters, BridgingStatus Status);

public sealed record StatementResult(
    long Id,
    bool ModeratedOut,
    VoteTally Votes,
    VoteTally[] GroupVotes,
    double GroupInformedConsensusAgree,
    double GroupInformedConsensusDisagree,
    BridgingScore Bridging,
    double Extremity,
    double Priority);

/// <summary>How divided the room is (docs/math.md explains each).</summary>
public sealed record PolarisationMeasures
{
    /// <summary>Between-group share of variance η² = SS_between / SS_total of clustered positions in the PCA plane (0..1).</summary>
    public double BetweenGroupVarianceShare { get; init; }

    /// <summary>Mean silhouette of the published grouping over base-cluster centres (−1..1; 0 with one group).</summary>
    public double MeanSilhouette { get; init; }

    /// <summary>Share of the centred vote matrix's variance on the first component: how one-dimensional the disagreement is (0..1).</summary>
    public double FirstComponentVarianceShare { get; init; }

    /// <summary>Share of the variance the 2-D map shows at all (0..1).</summary>
    public double MapVarianceShare { get; init; }

    /// <summary>Mean over voted statements of √(max(r_max − ½, 0)·max(½ − r_min, 0)) over groups' agree rates (0..½).</summary>
    public double MeanDivergence { get; init; }

    /// <summary>Share of voted statements where some group's agree rate differs from the rest by ≥ 0.3.</summary>
    public double DivisiveStatementShare { get; init; }
}
