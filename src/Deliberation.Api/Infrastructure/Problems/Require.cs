namespace Deliberation.Api.Infrastructure.Problems;

/// <summary>Checks on request shapes that JSON binding cannot express (a field that must be present).</summary>
public static class Require
{
    public static T Present<T>(T? value, string field) where T : struct =>
        value ?? throw Missing(field);

    public static T Present<T>(T? value, string field) where T : class =>
        value ?? throw Missing(field);

    public static ValidationException Missing(string field) => new(field, $"'{field}' is required.");

    public static ValidationException Invalid(string field, string message) => new(field, message);
}

/// <summary>A request field is missing or invalid; becomes a 400 validation problem naming the field.</summary>
public sealed class ValidationException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
