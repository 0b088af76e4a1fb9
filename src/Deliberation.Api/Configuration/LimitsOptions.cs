namespace Deliberation.Api.Configuration;

public sealed class LimitsOptions
{
    public const string Section = "Limits";

    /// <summary>The largest request body accepted on ordinary endpoints; imports have their own limit.</summary>
    public long MaxRequestBodyBytes { get; set; } = 256 * 1024;
}
