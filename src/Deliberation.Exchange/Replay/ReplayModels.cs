using Deliberation.Math;
using Deliberation.Math.Replay;

namespace Deliberation.Exchange.Replay;

/// <summary>How often a replay recomputes: every N vote events, or every T minutes of the conversation's clock.</summary>
public sealed record ReplaySettings
{
    /// <summary>Recompute after every this many vote events.</summary>
    public int? EveryVotes { get; init; }

    /// <summary>Recompute every this many minutes of the votes' timestamps (intervals without votes are skipped).</summary>
    public double? EveryMinutes { get; init; }

    /// <summary>When neither is given: about this many evenly spaced steps.</summary>
    public int DefaultSteps { get; init; } = 100;

    public MathOptions Math { get; init; } = MathOptions.Default;
}

/// <summary>A conversation's history ready to replay; ids are the export's numbers (participant, comment-id).</summary>
/// <param name="SyntheticTimes">True when the votes had no times of their own (a matrix-only export).</param>
public sealed record ReplayHistory(string Title, IReadOnlyList<TimedStatement> Statements, IReadOnlyList<TimedVote> Votes, bool SyntheticTimes);

/// <summary>The state of the math after one replay step.</summary>
/// <param name="Events">Vote events included so far.</param>
/// <param name="Bridging">Numbers of the bridging statements (best first, at most five) as the product selects them.</param>
public sealed record ReplayPoint(
    int Step,
    long Timestamp,
    int Events,
    int Participants,
    int Votes,
    int Statements,
    int InConv,
    int K,
    IReadOnlyList<int> GroupSizes,
    PolarisationMeasures Polarisation,
    int BridgingCount,
    IReadOnlyList<long> Bridging);
