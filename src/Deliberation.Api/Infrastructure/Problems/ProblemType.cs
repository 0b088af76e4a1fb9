namespace Deliberation.Api.Infrastructure.Problems;

/// <summary>
/// The machine-readable kinds of error (RFC 7807 <c>type</c>), stable across versions so that clients can branch on
/// them. Each is documented in docs/api.md under its name.
/// </summary>
public sealed record ProblemType(string Name, int Status, string Title)
{
    public string Uri => $"/problems/{Name}";

    public static readonly ProblemType Validation = new("validation", StatusCodes.Status400BadRequest, "The request is not valid.");
    public static readonly ProblemType MalformedRequest = new("malformed-request", StatusCodes.Status400BadRequest, "The request could not be read.");
    public static readonly ProblemType Unauthenticated = new("unauthenticated", StatusCodes.Status401Unauthorized, "Sign-in is required.");
    public static readonly ProblemType ParticipantRequired = new("participant-required", StatusCodes.Status401Unauthorized, "Join the conversation first.");
    public static readonly ProblemType InvalidExport = new("invalid-export", StatusCodes.Status400BadRequest, "The uploaded Polis export cannot be read.");
    public static readonly ProblemType Forbidden = new("forbidden", StatusCodes.Status403Forbidden, "This action is not allowed.");
    public static readonly ProblemType NotOpenData = new("not-open-data", StatusCodes.Status403Forbidden, "This conversation's data is not open.");
    public static readonly ProblemType ForeignParticipant = new("foreign-participant", StatusCodes.Status403Forbidden, "This participant token belongs to another conversation.");
    public static readonly ProblemType WritingDisabled = new("writing-disabled", StatusCodes.Status403Forbidden, "Participants cannot write statements here.");
    public static readonly ProblemType ConversationNotFound = new("conversation-not-found", StatusCodes.Status404NotFound, "No such conversation.");
    public static readonly ProblemType StatementNotFound = new("statement-not-found", StatusCodes.Status404NotFound, "No such statement in this conversation.");
    public static readonly ProblemType NotFound = new("not-found", StatusCodes.Status404NotFound, "Nothing is here.");
    public static readonly ProblemType MethodNotAllowed = new("method-not-allowed", StatusCodes.Status405MethodNotAllowed, "This method is not allowed here.");
    public static readonly ProblemType DuplicateStatement = new("duplicate-statement", StatusCodes.Status409Conflict, "This statement already exists.");
    public static readonly ProblemType ConversationClosed = new("conversation-closed", StatusCodes.Status409Conflict, "The conversation is closed.");
    public static readonly ProblemType StatementNotVotable = new("statement-not-votable", StatusCodes.Status409Conflict, "This statement cannot be voted on.");
    public static readonly ProblemType Conflict = new("conflict", StatusCodes.Status409Conflict, "The request conflicts with the current state.");
    public static readonly ProblemType PayloadTooLarge = new("payload-too-large", StatusCodes.Status413PayloadTooLarge, "The request body is too large.");
    public static readonly ProblemType UnsupportedMediaType = new("unsupported-media-type", StatusCodes.Status415UnsupportedMediaType, "Send JSON (application/json).");
    public static readonly ProblemType RateLimited = new("rate-limited", StatusCodes.Status429TooManyRequests, "Too many requests; try again later.");
    public static readonly ProblemType Internal = new("internal", StatusCodes.Status500InternalServerError, "Something went wrong on our side.");
    public static readonly ProblemType Unavailable = new("unavailable", StatusCodes.Status503ServiceUnavailable, "The service is not available right now.");

    public static IReadOnlyList<ProblemType> All { get; } =
    [
        Validation, MalformedRequest, InvalidExport, Unauthenticated, ParticipantRequired, Forbidden, NotOpenData, ForeignParticipant, WritingDisabled,
        ConversationNotFound, StatementNotFound, NotFound, MethodNotAllowed, DuplicateStatement, ConversationClosed,
        StatementNotVotable, Conflict, PayloadTooLarge, UnsupportedMediaType, RateLimited, Internal, Unavailable,
    ];

    /// <summary>The kind that a bare status code (from the framework) stands for.</summary>
    public static ProblemType ForStatus(int status) => status switch
    {
        400 => MalformedRequest,
        401 => Unauthenticated,
        403 => Forbidden,
        404 => NotFound,
        405 => MethodNotAllowed,
        409 => Conflict,
        413 => PayloadTooLarge,
        415 => UnsupportedMediaType,
        429 => RateLimited,
        503 => Unavailable,
        _ => status >= 500 ? Internal : MalformedRequest,
    };
}
