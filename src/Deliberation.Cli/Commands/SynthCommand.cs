using System.CommandLine;
using Deliberation.Cli.Synthesis;

namespace Deliberation.Cli.Commands;

/// <summary><c>synth</c>: write a seeded synthetic conversation with planted groups in Polis export format.</summary>
public static class SynthCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var defaults = new SynthSettings();
        var participants = new Option<int>("--participants") { Description = "Number of participants.", DefaultValueFactory = _ => defaults.Participants };
        var statements = new Option<int>("--statements") { Description = "Number of statements.", DefaultValueFactory = _ => defaults.Statements };
        var votes = new Option<int>("--votes") { Description = "Target number of votes (latest per pair).", DefaultValueFactory = _ => defaults.Votes };
        var groups = new Option<int>("--groups") { Description = "Number of planted opinion groups.", DefaultValueFactory = _ => defaults.Groups };
        var separation = new Option<double>("--separation") { Description = "How strongly groups differ, 0 (not at all) to 1 (always opposed).", DefaultValueFactory = _ => defaults.Separation };
        var seed = new Option<int>("--seed") { Description = "Random seed: the same seed writes the same files.", DefaultValueFactory = _ => defaults.Seed };
        var outputFolder = new Option<string>("--output", "-o") { Description = "Folder to write summary.csv, comments.csv, votes.csv, participants-votes.csv into.", Required = true };

        AddRange(participants, 1, int.MaxValue);
        AddRange(statements, 1, 100_000);
        AddRange(votes, 0, int.MaxValue);
        AddRange(groups, 1, 26);
        separation.Validators.Add(r =>
        {
            double v = r.GetValueOrDefault<double>();
            if (!(v >= 0 && v <= 1))
            {
                r.AddError("--separation must be between 0 and 1.");
            }
        });

        var command = new Command("synth", "Generate a synthetic conversation with planted opinion groups in Polis export format.")
        {
            participants, statements, votes, groups, separation, seed, outputFolder,
        };
        command.SetAction(parse =>
        {
            var settings = new SynthSettings
            {
                Participants = parse.GetValue(participants),
                Statements = parse.GetValue(statements),
                Votes = parse.GetValue(votes),
                Groups = parse.GetValue(groups),
                Separation = parse.GetValue(separation),
                Seed = parse.GetValue(seed),
            };
            var conversation = SyntheticConversation.Generate(settings);
            string folder = parse.GetValue(outputFolder)!;
            SynthExportWriter.Write(conversation, folder);
            output.WriteLine($"Wrote {conversation.Votes.Count} vote events from {settings.Participants} participants on {settings.Statements} statements ({settings.Groups} planted groups) to {folder}.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void AddRange(Option<int> option, int min, int max) =>
        option.Validators.Add(r =>
        {
            int v = r.GetValueOrDefault<int>();
            if (v < min || v > max)
            {
                r.AddError($"{option.Name} must be between {min} and {max}.");
            }
        });
}
