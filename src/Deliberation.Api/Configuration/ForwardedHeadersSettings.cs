namespace Deliberation.Api.Configuration;

/// <summary>Behind a reverse proxy, per-IP limits must see the client's address, not the proxy's.</summary>
public sealed class ForwardedHeadersSettings
{
    public const string Section = "ForwardedHeaders";

    public bool Enabled { get; set; }

    public List<string> KnownProxies { get; set; } = [];
}
