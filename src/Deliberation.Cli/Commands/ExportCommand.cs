using System.CommandLine;
using Deliberation.Cli.Database;
using Deliberation.Exchange.Export;

namespace Deliberation.Cli.Commands;

/// <summary><c>export &lt;conversation&gt; &lt;out&gt;</c>: a conversation in the Polis export format.</summary>
public static class ExportCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var conversation = new Argument<string>("conversation") { Description = "The conversation's id (as in its address, e.g. aB3dE5gH7jK9)." };
        var target = new Argument<string>("out") { Description = "Folder to write the files into (created if missing); with --zip, the zip file to write." };
        var zip = new Option<bool>("--zip") { Description = "Write one zip instead of a folder." };
        var xid = new Option<bool>("--xid") { Description = "Add the xid column (the host site's external ids) to participants-votes.csv. They may identify people: share with care." };
        var files = new Option<string[]>("--file")
        {
            Description = $"Write only these files (repeatable): {string.Join(", ", ExportFiles.All)}.",
            AllowMultipleArgumentsPerToken = true,
        };
        files.Validators.Add(r =>
        {
            foreach (var name in r.GetValueOrDefault<string[]>() ?? [])
            {
                if (!ExportFiles.IsKnown(name))
                {
                    r.AddError($"'{name}' is not a file of the export; choose from {string.Join(", ", ExportFiles.All)}.");
                }
            }
        });
        var database = new CliDatabase();

        var command = new Command(
            "export",
            "Export a conversation as Polis files (summary.csv, comments.csv, votes.csv with the full history, participants-votes.csv, "
            + "comment-groups.csv) plus math.json (the latest result, ids as export numbers) and polarisation-history.csv. Participants appear "
            + "only as their per-conversation numbers.")
        {
            conversation, target, zip, xid, files,
        };
        database.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var db = await database.OpenAsync(parse, error, cancellationToken);
            var found = await Conversations.FindAsync(db, parse.GetValue(conversation)!, cancellationToken);
            var options = new ExportOptions { IncludeXid = parse.GetValue(xid), ConversationUrl = CliDatabase.ConversationUrl(found.PublicId) };
            var exporter = new ConversationExporter(db);
            string path = parse.GetValue(target)!;
            var only = parse.GetValue(files) ?? [];
            var started = System.Diagnostics.Stopwatch.StartNew();
            if (parse.GetValue(zip))
            {
                if (!path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
                {
                    path += ".zip";
                }

                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
                await using var stream = File.Create(path);
                await exporter.WriteZipAsync(found.Id, stream, options, cancellationToken);
            }
            else
            {
                // One snapshot for every file written, whether all of them or those chosen with --file.
                await exporter.WriteFolderAsync(found.Id, path, options, cancellationToken, only.Length > 0 ? only : null);
            }

            output.WriteLine($"Exported \"{found.Topic}\" ({found.PublicId}) to {path} in {started.Elapsed.TotalSeconds:0.0} s");
            return ExitCodes.Ok;
        });
        return command;
    }
}
