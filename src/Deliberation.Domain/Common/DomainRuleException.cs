namespace Deliberation.Domain.Common;

/// <summary>Thrown when an operation would break an invariant of the model; nothing has been changed.</summary>
public sealed class DomainRuleException(DomainRule rule, string message, string? field = null) : Exception(message)
{
    public DomainRule Rule { get; } = rule;

    /// <summary>The input field at fault, when there is one (for validation problem details).</summary>
    public string? Field { get; } = field;
}
