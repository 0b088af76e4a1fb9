using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Deliberation.Api.Infrastructure.Problems;

/// <summary>Builds problem details responses with our stable types.</summary>
public static class ApiProblems
{
    public static ProblemHttpResult Of(ProblemType type, string detail, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(Describe(type, detail, extensions));

    public static ProblemDetails Describe(ProblemType type, string? detail, IEnumerable<KeyValuePair<string, object?>>? extensions = null)
    {
        var problem = new ProblemDetails { Type = type.Uri, Title = type.Title, Status = type.Status, Detail = detail };
        foreach (var (key, value) in extensions ?? [])
        {
            problem.Extensions[key] = value;
        }

        return problem;
    }

    public static ValidationProblemDetails Validation(string field, string message) =>
        new(new Dictionary<string, string[]> { [Camel(field)] = [message] })
        {
            Type = ProblemType.Validation.Uri,
            Title = ProblemType.Validation.Title,
            Status = ProblemType.Validation.Status,
            Detail = message,
        };

    public static ApiProblemException NotFound(ProblemType type, string detail) => new(type, detail);

    private static string Camel(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];
}
