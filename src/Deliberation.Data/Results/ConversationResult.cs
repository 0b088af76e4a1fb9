namespace Deliberation.Data.Results;

/// <summary>
/// The latest math result of a conversation and the state the next update continues from. Both are stored so that a
/// restarted app serves the last result at once and keeps the same groups. One row per conversation, replaced on
/// every update; <see cref="Tick"/> increases by one each time and guards against two nodes writing at once.
/// </summary>
public sealed class ConversationResult
{
    public long ConversationId { get; set; }

    public long Tick { get; set; }

    /// <summary>The last vote event the result includes: a client whose vote has this id or less sees it counted.</summary>
    public long Watermark { get; set; }

    /// <summary>Hash of the statements' ids, moderation and meta flags that went in: detects moderation changes.</summary>
    public string StatementsFingerprint { get; set; } = "";

    public DateTimeOffset ComputedAt { get; set; }

    /// <summary>Time the math itself took, in milliseconds.</summary>
    public int ElapsedMs { get; set; }

    /// <summary>Gzip-compressed MathJson of the result.</summary>
    public byte[] Result { get; set; } = [];

    /// <summary>Gzip-compressed MathJson of the math state.</summary>
    public byte[] State { get; set; } = [];
}
