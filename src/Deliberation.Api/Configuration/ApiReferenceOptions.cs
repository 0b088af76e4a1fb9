namespace Deliberation.Api.Configuration;

public sealed class ApiReferenceOptions
{
    public const string Section = "ApiReference";

    /// <summary>Serve the OpenAPI document and the Scalar reference outside Development too.</summary>
    public bool Enabled { get; set; }
}
