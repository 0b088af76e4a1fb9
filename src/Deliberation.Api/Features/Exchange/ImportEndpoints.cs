using Deliberation.Api.Configuration;
using Deliberation.Api.Features.MathUpdates;
using Deliberation.Api.Infrastructure.Problems;
using Deliberation.Api.Infrastructure.Security;
using Deliberation.Data;
using Deliberation.Domain.Common;
using Deliberation.Exchange.Import;
using Deliberation.PolisFormat;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Deliberation.Api.Features.Exchange;

/// <summary>The conversation an import created.</summary>
public sealed record ImportResponse(
    string ConversationId, string Topic, bool IsOpen, int Participants, int Statements, int VoteEvents, int Votes, string VotesFrom, long ElapsedMs);

/// <summary>
/// A facilitator uploads a Polis export (zip) and gets a new conversation of their own. The upload goes to a temporary
/// file as it arrives; the import is one transaction, so a malformed file (400 <c>invalid-export</c> naming file, line and
/// column) or any failure leaves nothing behind. The math is scheduled once the import has committed.
/// </summary>
public static class ImportEndpoints
{
    public static IEndpointRouteBuilder MapImportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var limit = endpoints.ServiceProvider.GetRequiredService<IOptions<LimitsOptions>>().Value.MaxImportBytes;
        endpoints.MapGroup("/api/v1/manage/conversations")
            .WithTags("Researchers: export and import")
            .RequireAuthorization()
            .MapPost("/import", ImportAsync)
            .WithMetadata(new RequestSizeLimitAttribute(limit))
            .Accepts<IFormFile>("multipart/form-data", "application/zip", "application/octet-stream");
        return endpoints;
    }

    /// <summary>
    /// Import a Polis export zip (comments.csv and participants-votes.csv required; votes.csv and summary.csv used when
    /// present), sent as <c>multipart/form-data</c> (one file field) or as an <c>application/zip</c> body.
    /// <c>open=true</c> opens the conversation for new votes at once (imports start closed).
    /// </summary>
    private static async Task<Created<ImportResponse>> ImportAsync(
        HttpRequest request, bool? open, DeliberationDbContext db, IMathTrigger math, TimeProvider time, CancellationToken cancellationToken)
    {
        var ownerId = OwnedConversation.FacilitatorId(request.HttpContext.User);
        string path = Path.Combine(Path.GetTempPath(), "deliberation-import-" + Guid.NewGuid().ToString("N") + ".zip");
        try
        {
            await SaveUploadAsync(request, path, cancellationToken);
            PolisExport export;
            try
            {
                export = PolisExportReader.Read(path, PolisReadOptions.Strict);
            }
            catch (PolisFormatException e)
            {
                string file = e.File.StartsWith("deliberation-import-", StringComparison.Ordinal) ? "upload" : e.File;
                throw new ApiProblemException(
                    ProblemType.InvalidExport,
                    file == e.File ? e.Message : $"{file}: {e.Reason}",
                    new Dictionary<string, object?> { ["file"] = file, ["line"] = e.Line, ["column"] = e.Column, ["reason"] = e.Reason });
            }

            var result = await PolisImporter.ImportAsync(
                db, export, new ImportOptions { OwnerId = ownerId, Open = open ?? false }, time.UtcNowMs(), null, cancellationToken);
            math.Schedule(result.ConversationId);
            return TypedResults.Created(
                $"/api/v1/manage/conversations/{result.PublicId}",
                new ImportResponse(
                    result.PublicId, result.Topic, open ?? false, result.Participants, result.Statements, result.VoteEvents, result.Votes,
                    result.Timestamped, (long)result.Elapsed.TotalMilliseconds));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static async Task SaveUploadAsync(HttpRequest request, string path, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);
        var contentType = request.ContentType ?? "";
        if (MediaTypeHeaderValue.TryParse(contentType, out var media) && media.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            var boundary = HeaderUtilities.RemoveQuotes(media.Boundary).Value;
            if (string.IsNullOrEmpty(boundary))
            {
                throw Require.Invalid("file", "The multipart body has no boundary.");
            }

            var reader = new MultipartReader(boundary, request.Body);
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                if (ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) && disposition.IsFileDisposition())
                {
                    await section.Body.CopyToAsync(file, cancellationToken);
                    return;
                }
            }

            throw Require.Invalid("file", "Attach the Polis export zip as a file field.");
        }

        if (contentType.StartsWith("application/zip", StringComparison.OrdinalIgnoreCase)
            || contentType.StartsWith("application/octet-stream", StringComparison.OrdinalIgnoreCase))
        {
            await request.Body.CopyToAsync(file, cancellationToken);
            return;
        }

        throw new ApiProblemException(ProblemType.UnsupportedMediaType, "Send the Polis export as multipart/form-data (a file field) or as an application/zip body.");
    }
}
