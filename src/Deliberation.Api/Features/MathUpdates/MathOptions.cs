using System.ComponentModel.DataAnnotations;

namespace Deliberation.Api.Features.MathUpdates;

/// <summary>How the background math runs (section "Math").</summary>
public sealed class MathSchedulerOptions
{
    public const string Section = "Math";

    /// <summary>Run the math in the background at all (off only for tools that host the app without it).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>At least this long between two updates of one conversation: bursts of votes coalesce into one update.</summary>
    [Range(0, 600_000)]
    public int MinIntervalMs { get; set; } = 1_000;

    /// <summary>Updates of different conversations that may run at once (each uses one core).</summary>
    [Range(1, 64)]
    public int MaxConcurrency { get; set; } = 2;

    /// <summary>Longest wait before retrying an update that failed (the wait doubles from one second).</summary>
    [Range(1, 3_600)]
    public int MaxRetryDelaySeconds { get; set; } = 30;

    /// <summary>The sliding window over which "polarisation per minute" is measured.</summary>
    [Range(1, 1_440)]
    public int PolarisationWindowMinutes { get; set; } = 10;
}
