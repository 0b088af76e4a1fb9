using System.Text.Json;
using Deliberation.Data;
using Deliberation.Domain.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Deliberation.Api.Infrastructure.Problems;

/// <summary>
/// The one place where exceptions become responses: rule violations and bad input become 4xx problem details with
/// a stable type; anything else is logged and becomes a 500 that reveals nothing of the internals.
/// </summary>
internal sealed partial class ProblemExceptionHandler(IProblemDetailsService problemDetails, ILogger<ProblemExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = Translate(exception);
        if (problem.Status >= 500)
        {
            LogUnhandled(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
        }

        httpContext.Response.StatusCode = problem.Status ?? 500;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private static ProblemDetails Translate(Exception exception) => exception switch
    {
        ValidationException invalid => ApiProblems.Validation(invalid.Field, invalid.Message),
        ApiProblemException api => ApiProblems.Describe(api.Type, api.Message, api.Extensions),
        DomainRuleException { Field: not null } rule when DomainRuleProblems.TypeOf(rule.Rule) == ProblemType.Validation =>
            ApiProblems.Validation(rule.Field, rule.Message),
        DomainRuleException rule => ApiProblems.Describe(DomainRuleProblems.TypeOf(rule.Rule), rule.Message),
        BadHttpRequestException bad => BadRequest(bad),
        JsonException => ApiProblems.Describe(ProblemType.MalformedRequest, "The request body is not valid JSON."),
        Microsoft.EntityFrameworkCore.DbUpdateException db when db.IsUniqueViolation() =>
            ApiProblems.Describe(ProblemType.Conflict, "Another request changed the same data at the same time; try again."),
        OperationCanceledException => ApiProblems.Describe(ProblemType.Unavailable, "The request was cancelled."),
        _ => ApiProblems.Describe(ProblemType.Internal, "An unexpected error occurred; it has been logged."),
    };

    private static ProblemDetails BadRequest(BadHttpRequestException bad)
    {
        var type = ProblemType.ForStatus(bad.StatusCode);
        var detail = bad.StatusCode switch
        {
            StatusCodes.Status413PayloadTooLarge => "The request body is too large.",
            StatusCodes.Status415UnsupportedMediaType => "Send the request body as JSON (Content-Type: application/json).",
            _ when bad.InnerException is JsonException json => JsonDetail(json),
            _ => bad.Message,
        };
        return ApiProblems.Describe(type, detail);
    }

    private static string JsonDetail(JsonException json) =>
        json.Path is { Length: > 1 } path
            ? $"The value at '{path.TrimStart('$', '.')}' is not valid{(json.LineNumber is { } line ? $" (line {line + 1})" : "")}."
            : "The request body is not valid JSON.";

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error on {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, PathString path);
}
