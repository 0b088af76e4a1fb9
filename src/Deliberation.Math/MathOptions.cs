namespace Deliberation.Math;

/// <summary>Which k-means implementation clusters participants and groups (see docs/decisions/0100).</summary>
public enum KMeansMethod
{
    /// <summary>Own implementation with Polis's deterministic first-k-distinct initialisation and warm starts from the previous state.</summary>
    Polis = 0,

    /// <summary>ML.NET's KMeansTrainer (k-means++ seeding with a fixed seed, one thread); cold every update.</summary>
    MlNet = 1,
}

/// <summary>Settings of the opinion math. Defaults follow the Polis reference (docs/math.md).</summary>
public sealed record MathOptions
{
    public static MathOptions Default { get; } = new();

    /// <summary>k of the base clustering (Polis: 100).</summary>
    public int BaseClusterCount { get; init; } = 100;

    /// <summary>Smallest number of groups tried (Polis: 2).</summary>
    public int MinGroups { get; init; } = 2;

    /// <summary>Largest number of groups tried (Polis: 5).</summary>
    public int MaxGroups { get; init; } = 5;

    /// <summary>Updates in a row a new k must win before it is published (Polis: 4).</summary>
    public int GroupKBuffer { get; init; } = 4;

    /// <summary>A participant is clustered once they voted on at least min(this, number of statements) (Polis: 7).</summary>
    public int MinVotesForInConv { get; init; } = 7;

    /// <summary>When fewer qualify, the most active voters are added up to this many (Polis: 15).</summary>
    public int MinInConv { get; init; } = 15;

    /// <summary>Cap on participants considered (Polis: 100,000); beyond it the lowest ids are kept.</summary>
    public int MaxParticipants { get; init; } = 100_000;

    /// <summary>Cap on statements considered (Polis: 10,000); beyond it the lowest ids are kept.</summary>
    public int MaxStatements { get; init; } = 10_000;

    /// <summary>
    /// In the projection's √(statements / votes) scaling, count every moderated-out statement as voted, as Polis
    /// does (it zeroes those columns for everyone). On by default for parity; off counts only real votes.
    /// </summary>
    public bool CountModeratedOutAsVoted { get; init; } = true;

    public int PcaMaxIterations { get; init; } = 100;

    /// <summary>Power iteration stops once 1 − |cos| between successive iterates is below this for both components.</summary>
    public double PcaTolerance { get; init; } = 1e-11;

    public int BaseKMeansMaxIterations { get; init; } = 100;

    /// <summary>Base clustering has converged when every centre moves less than this (Polis: 0.01).</summary>
    public double BaseKMeansTolerance { get; init; } = 0.01;

    /// <summary>Iterations of the group-level k-means (Polis effectively runs 20).</summary>
    public int GroupKMeansIterations { get; init; } = 20;

    public KMeansMethod KMeans { get; init; } = KMeansMethod.Polis;

    /// <summary>Seed of every pseudo-random choice (ML.NET, cold power iteration, factor initialisation).</summary>
    public int Seed { get; init; } = 42;

    public int RepresentativeCount { get; init; } = 5;

    public int ConsensusCount { get; init; } = 5;

    public int UncertaintyCount { get; init; } = 5;

    /// <summary>One-tailed 90 % z threshold used by repness and consensus (1.2816).</summary>
    public double ZThreshold { get; init; } = 1.2816;

    public BridgingOptions Bridging { get; init; } = new();
}

/// <summary>Settings of the one-factor matrix factorisation (Community Notes model, spec §2).</summary>
public sealed record BridgingOptions
{
    public bool Enabled { get; init; } = true;

    public double InterceptRegularisation { get; init; } = 0.15;

    public double FactorRegularisation { get; init; } = 0.03;

    public double LearningRate { get; init; } = 0.2;

    /// <summary>
    /// Adam's first steps have the size of the learning rate whatever the gradient, so a warm start at the cold rate
    /// would first kick every parameter away from the optimum it starts near: warm fits use this smaller rate.
    /// </summary>
    public double WarmLearningRate { get; init; } = 0.01;

    /// <summary>
    /// Epoch cap from cold (factors initialised from the PCA map). On bowling-green and vtaiwan, 100 epochs leave every
    /// intercept within 0.01 of a 2,000-epoch fit (docs/math.md).
    /// </summary>
    public int MaxEpochsCold { get; init; } = 100;

    /// <summary>
    /// Epoch cap when warm-started from the previous state's factors (already near the optimum): after 2 % new votes,
    /// 15 epochs at the warm rate land within 0.01–0.02 of a converged cold fit (docs/math.md).
    /// </summary>
    public int MaxEpochsWarm { get; init; } = 15;

    /// <summary>Training stops when the loss changes by at most this between epochs.</summary>
    public double LossTolerance { get; init; } = 1e-7;

    public int MinRatingsPerRater { get; init; } = 10;

    public int MinRatersPerStatement { get; init; } = 5;

    public double HelpfulIntercept { get; init; } = 0.40;

    public double HelpfulMaxFactor { get; init; } = 0.50;
}
