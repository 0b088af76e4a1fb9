namespace Deliberation.Api.Configuration;

/// <summary>Behind a reverse proxy, per-IP limits must see the client's address, not the proxy's.</summary>
public sealed class ForwardedHeadersSettings
{
    public const string Section = "ForwardedHeaders";

    public bool Enabled { get; set; }

    /// <summary>Addresses of trusted proxies.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks of trusted proxies in CIDR form, e.g. a container network "172.16.0.0/12".</summary>
    public List<string> KnownNetworks { get; set; } = [];
}
