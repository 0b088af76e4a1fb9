namespace Deliberation.Data.Results;

/// <summary>
/// One compact line per update, kept for the time series a facilitator watches (and researchers export): how many
/// took part, how many groups, how divided the room was, how much bridges it.
/// </summary>
public sealed class MathSnapshot
{
    public long Id { get; set; }

    public long ConversationId { get; set; }

    public long Tick { get; set; }

    public DateTimeOffset ComputedAt { get; set; }

    public long Watermark { get; set; }

    public int Participants { get; set; }

    public int Votes { get; set; }

    public int InConv { get; set; }

    public int K { get; set; }

    /// <summary>Members per group in label order, comma-separated ("120,85").</summary>
    public string GroupSizes { get; set; } = "";

    public double BetweenGroupVarianceShare { get; set; }

    public double MeanSilhouette { get; set; }

    public double FirstComponentVarianceShare { get; set; }

    public double MeanDivergence { get; set; }

    public double DivisiveStatementShare { get; set; }

    public int BridgingStatements { get; set; }

    public int ElapsedMs { get; set; }
}
