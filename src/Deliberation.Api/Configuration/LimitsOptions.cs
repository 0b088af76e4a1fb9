namespace Deliberation.Api.Configuration;

public sealed class LimitsOptions
{
    public const string Section = "Limits";

    /// <summary>The largest request body accepted on ordinary endpoints; imports have their own limit.</summary>
    public long MaxRequestBodyBytes { get; set; } = 256 * 1024;

    /// <summary>The largest Polis export (zip) a facilitator may upload to import.</summary>
    public long MaxImportBytes { get; set; } = 200L * 1024 * 1024;
}
