using Deliberation.Api.Infrastructure.Problems;

namespace Deliberation.Api.Features.Moderation;

internal static class DuplicateStatement
{
    /// <summary>409 naming the statement that already says this, so the client can offer to vote on it instead.</summary>
    public static ApiProblemException Problem(long existingId, string existingText) => new(
        ProblemType.DuplicateStatement,
        $"This statement already exists: \"{existingText}\". Vote on it instead.",
        new Dictionary<string, object?> { ["existingStatementId"] = existingId });
}
