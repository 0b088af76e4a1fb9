namespace Deliberation.Api.Infrastructure.Problems;

/// <summary>
/// Ends a request with a problem response from deep inside binding or a helper; the exception handler writes it.
/// </summary>
public sealed class ApiProblemException(ProblemType type, string detail, IReadOnlyDictionary<string, object?>? extensions = null)
    : Exception(detail)
{
    public ProblemType Type { get; } = type;

    public IReadOnlyDictionary<string, object?> Extensions { get; } = extensions ?? new Dictionary<string, object?>();
}
