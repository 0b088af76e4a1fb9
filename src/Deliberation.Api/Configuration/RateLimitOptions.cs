using System.ComponentModel.DataAnnotations;

namespace Deliberation.Api.Configuration;

public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>All public requests from one address (a school or a café may share one).</summary>
    [Range(1, int.MaxValue)]
    public int PerIpPerMinute { get; set; } = 1200;

    /// <summary>Requests of one participant (votes, reads, writes).</summary>
    [Range(1, int.MaxValue)]
    public int PerParticipantPerMinute { get; set; } = 240;

    [Range(1, int.MaxValue)]
    public int StatementsPerParticipantPerHour { get; set; } = 30;

    /// <summary>Sign-up and sign-in attempts from one address.</summary>
    [Range(1, int.MaxValue)]
    public int AccountPerIpPerMinute { get; set; } = 20;
}
