using System.CommandLine;
using System.Text.Json;
using Deliberation.Cli.Database;
using Deliberation.Data.Results;
using Deliberation.Exchange.Import;
using Deliberation.PolisFormat;

namespace Deliberation.Cli.Commands;

/// <summary><c>import &lt;folder|zip&gt;</c>: a Polis export becomes a new conversation in the app's database.</summary>
public static class ImportCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var path = new Argument<string>("export") { Description = "Polis export folder or zip: comments.csv and participants-votes.csv; votes.csv (the history) and summary.csv when present." };
        var owner = new Option<string>("--owner")
        {
            Description = $"E-mail of the facilitator who will own the conversation; the account is created (random password, printed) if missing. Default: {Facilitators.DefaultImporter}.",
            DefaultValueFactory = _ => Facilitators.DefaultImporter,
        };
        var open = new Option<bool>("--open") { Description = "Open the conversation for new votes and statements (imports are closed by default)." };
        var noMath = new Option<bool>("--no-math") { Description = "Skip the first math update (groups appear when the app next computes)." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object: conversationId, url, counts, timings." };
        var database = new CliDatabase();

        var command = new Command(
            "import",
            "Import a Polis export as a new conversation: statements (numbers = comment-id, authors, moderation, times), participants "
            + "(numbers = Polis ids), the vote history of votes.csv (else one vote per cell of participants-votes.csv), topic and description; "
            + "then one math update so that an export right after has groups. All or nothing: a malformed file is reported as file:line:column "
            + "and nothing is written.")
        {
            path, owner, open, noMath, json,
        };
        database.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            // Read and check everything before touching the database.
            var export = PolisExportReader.Read(parse.GetValue(path)!, PolisReadOptions.Strict);
            await using var db = await database.OpenAsync(parse, error, cancellationToken);
            var facilitator = await Facilitators.FindOrCreateAsync(db, parse.GetValue(owner)!, error, cancellationToken);
            var progress = new ProgressLine(error);
            var result = await PolisImporter.ImportAsync(
                db,
                export,
                new ImportOptions { OwnerId = facilitator.Id, Open = parse.GetValue(open) },
                DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()),
                new Progress(progress),
                cancellationToken);

            int? groups = null;
            var mathTime = TimeSpan.Zero;
            if (!parse.GetValue(noMath))
            {
                progress.Report("math", 0, 1);
                var started = System.Diagnostics.Stopwatch.StartNew();
                var update = await MathStore.UpdateAsync(db, result.ConversationId, DateTimeOffset.UtcNow, null, cancellationToken);
                mathTime = started.Elapsed;
                groups = update.Result?.K;
                progress.Report("math", 1, 1);
            }

            string url = CliDatabase.ConversationUrl(result.PublicId);
            if (parse.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(
                    new
                    {
                        conversationId = result.PublicId,
                        url,
                        topic = result.Topic,
                        owner = facilitator.Email,
                        participants = result.Participants,
                        statements = result.Statements,
                        voteEvents = result.VoteEvents,
                        votes = result.Votes,
                        votesFrom = result.Timestamped,
                        groups,
                        importMs = (long)result.Elapsed.TotalMilliseconds,
                        mathMs = (long)mathTime.TotalMilliseconds,
                    },
                    new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
            }
            else
            {
                output.WriteLine($"Imported \"{result.Topic}\" as conversation {result.PublicId}");
                output.WriteLine($"  {result.Participants:N0} participants, {result.Statements:N0} statements, {result.VoteEvents:N0} vote events ({result.Votes:N0} current votes, from the {result.Timestamped}) in {result.Elapsed.TotalSeconds:0.0} s");
                if (groups is not null)
                {
                    output.WriteLine($"  math: {groups} groups in {mathTime.TotalSeconds:0.0} s");
                }

                output.WriteLine($"  owner: {facilitator.Email}");
                output.WriteLine(url);
            }

            if (result.ExternalIdsDropped > 0)
            {
                await error.WriteLineAsync($"warning: {result.ExternalIdsDropped} external ids (xid) were repeated or unprintable and were left out.");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private sealed class Progress(ProgressLine line) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => line.Report(value.Stage, value.Done, value.Total);
    }
}
