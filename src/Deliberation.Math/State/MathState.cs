namespace Deliberation.Math;

/// <summary>
/// What one update hands to the next: stored by the app so that a restart changes nothing (Polis loses this and
/// its groups change after a restart). Plain data, serialised with <see cref="MathJson"/>.
/// </summary>
public sealed record MathState
{
    public const int CurrentVersion = 1;

    public int Version { get; init; } = CurrentVersion;

    /// <summary>Updates that led to this state.</summary>
    public long UpdateCount { get; init; }

    /// <summary>Participants ever clustered (membership is monotone), ascending.</summary>
    public long[] InConv { get; init; } = [];

    /// <summary>The principal components keyed by statement id (warm start and sign anchoring).</summary>
    public ComponentsState Components { get; init; } = new();

    /// <summary>Base clusters with stable ids (warm start of the base k-means).</summary>
    public BaseClusterState[] BaseClusters { get; init; } = [];

    /// <summary>Next free base cluster id.</summary>
    public int NextBaseClusterId { get; init; }

    /// <summary>Group centres per k tried, in published label order (warm start of the group k-means).</summary>
    public GroupCentresState[] GroupCentres { get; init; } = [];

    public KSmootherState KSmoother { get; init; } = new();

    /// <summary>Factors of the bridging model (warm start), or null before the first fit.</summary>
    public BridgingState? Bridging { get; init; }
}

public sealed record ComponentsState
{
    public long[] StatementIds { get; init; } = [];

    public double[] Pc1 { get; init; } = [];

    public double[] Pc2 { get; init; } = [];
}

public sealed record BaseClusterState(int Id, double X, double Y, long[] Members);

public sealed record GroupCentresState(int K, double[] X, double[] Y);

/// <summary>
/// Polis's k smoother: the published k changes only after the same new k has won <see cref="MathOptions.GroupKBuffer"/>
/// updates in a row.
/// </summary>
public sealed record KSmootherState
{
    /// <summary>The k that won the silhouette comparison last update (0: none yet).</summary>
    public int LastK { get; init; }

    /// <summary>How many updates in a row <see cref="LastK"/> has won.</summary>
    public int LastKCount { get; init; }

    /// <summary>The published k (0: none yet).</summary>
    public int SmoothedK { get; init; }
}

public sealed record BridgingState
{
    public float GlobalIntercept { get; init; }

    public long[] ParticipantIds { get; init; } = [];

    public float[] ParticipantIntercepts { get; init; } = [];

    public float[] ParticipantFactors { get; init; } = [];

    public long[] StatementIds { get; init; } = [];

    public float[] StatementIntercepts { get; init; } = [];

    public float[] StatementFactors { get; init; } = [];
}
