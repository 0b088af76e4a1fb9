using Deliberation.Api.Infrastructure.Problems;
using Deliberation.Api.Infrastructure.Security;
using Deliberation.Data;
using Deliberation.Domain.Conversations;
using Deliberation.Exchange.Export;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Deliberation.Api.Features.Exchange;

/// <summary>
/// The Polis-format export of a conversation, as one zip or file by file: for its facilitator, and for anyone when the
/// conversation is open data. The files are written to a temporary file first (bounded memory, a known length, and a
/// consistent snapshot), then streamed; the temporary file is deleted when the response ends.
/// </summary>
public static class ExportEndpoints
{
    public static IEndpointRouteBuilder MapExportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var owner = endpoints.MapGroup("/api/v1/manage/conversations/{conversationId}/export")
            .WithTags("Researchers: export and import")
            .RequireAuthorization();
        owner.MapGet("/", OwnerZipAsync);
        owner.MapGet("/{file}", OwnerFileAsync);

        var open = endpoints.MapGroup("/api/v1/conversations/{conversationId}/export").WithTags("Researchers: export and import");
        open.MapGet("/", OpenZipAsync);
        open.MapGet("/{file}", OpenFileAsync);
        return endpoints;
    }

    /// <summary>
    /// Every file of the export in one zip: summary.csv, comments.csv, votes.csv, participants-votes.csv,
    /// comment-groups.csv, math.json, polarisation-history.csv. <c>xid=true</c> adds the participants' external ids.
    /// </summary>
    private static Task<FileStreamHttpResult> OwnerZipAsync(OwnedConversation owned, bool? xid, HttpContext http, DeliberationDbContext db, IConfiguration configuration, CancellationToken cancellationToken) =>
        ZipAsync(owned.Conversation, xid ?? false, http, db, configuration, cancellationToken);

    /// <summary>One file of the export, by its name (e.g. <c>votes.csv</c>).</summary>
    private static Task<FileStreamHttpResult> OwnerFileAsync(OwnedConversation owned, string file, bool? xid, HttpContext http, DeliberationDbContext db, IConfiguration configuration, CancellationToken cancellationToken) =>
        FileAsync(owned.Conversation, file, xid ?? false, http, db, configuration, cancellationToken);

    /// <summary>The export zip of an open-data conversation (never with external ids).</summary>
    private static Task<FileStreamHttpResult> OpenZipAsync(OpenDataConversation open, HttpContext http, DeliberationDbContext db, IConfiguration configuration, CancellationToken cancellationToken) =>
        ZipAsync(open.Conversation, xid: false, http, db, configuration, cancellationToken);

    /// <summary>One file of an open-data conversation's export.</summary>
    private static Task<FileStreamHttpResult> OpenFileAsync(OpenDataConversation open, string file, HttpContext http, DeliberationDbContext db, IConfiguration configuration, CancellationToken cancellationToken) =>
        FileAsync(open.Conversation, file, xid: false, http, db, configuration, cancellationToken);

    private static Task<FileStreamHttpResult> ZipAsync(
        Conversation conversation, bool xid, HttpContext http, DeliberationDbContext db, IConfiguration configuration, CancellationToken cancellationToken) =>
        FromTempFileAsync(
            temp => new ConversationExporter(db).WriteZipAsync(conversation.Id, temp, Options(conversation, xid, http, configuration), cancellationToken),
            "application/zip",
            $"deliberation-{conversation.PublicId}.zip");

    private static Task<FileStreamHttpResult> FileAsync(
        Conversation conversation, string file, bool xid, HttpContext http, DeliberationDbContext db, IConfiguration configuration, CancellationToken cancellationToken)
    {
        if (!ExportFiles.IsKnown(file))
        {
            throw new ApiProblemException(
                ProblemType.NotFound, $"The export has no file '{file}'; it has {string.Join(", ", ExportFiles.All)}.");
        }

        return FromTempFileAsync(
            temp => new ConversationExporter(db).WriteFileAsync(conversation.Id, file, temp, Options(conversation, xid, http, configuration), cancellationToken),
            ExportFiles.ContentType(file),
            file);
    }

    /// <summary>Writes the whole export to a temp file first, so a failure is a problem response, not a cut-off download.</summary>
    private static async Task<FileStreamHttpResult> FromTempFileAsync(Func<Stream, Task> write, string contentType, string downloadName)
    {
        var temp = TempFile();
        try
        {
            await write(temp);
            temp.Position = 0;
            return TypedResults.File(temp, contentType, downloadName);
        }
        catch
        {
            await temp.DisposeAsync();
            throw;
        }
    }

    private static ExportOptions Options(Conversation conversation, bool xid, HttpContext http, IConfiguration configuration) =>
        new() { IncludeXid = xid, ConversationUrl = ConversationUrl(conversation.PublicId, http, configuration) };

    /// <summary>The participant page of a conversation: under PublicUrl when set, else where this request came in.</summary>
    public static string ConversationUrl(string publicId, HttpContext http, IConfiguration configuration)
    {
        var root = configuration["PublicUrl"];
        if (string.IsNullOrWhiteSpace(root))
        {
            root = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";
        }

        return $"{root.TrimEnd('/')}/c/{publicId}";
    }

    private static FileStream TempFile() =>
        new(Path.Combine(Path.GetTempPath(), "deliberation-export-" + Guid.NewGuid().ToString("N")), FileMode.CreateNew, FileAccess.ReadWrite,
            FileShare.None, 1 << 16, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
}
