using System.CommandLine;
using System.Data.Common;
using Deliberation.Cli.Database;
using Deliberation.PolisFormat;

namespace Deliberation.Cli;

/// <summary>
/// Composes the commands; each lives in its own file under Commands/ and is added here with one line.
/// Exit codes are in <see cref="ExitCodes"/>.
/// </summary>
public static class CliApp
{
    public static RootCommand CreateRoot(TextWriter output, TextWriter error)
    {
        var root = new RootCommand(
            "Deliberation: the researcher's tool for opinion math on Polis-format conversations. import, export and replay of a "
            + "conversation use the app's database (appsettings.json, Database__* environment variables, or --database). "
            + ExitCodes.Help);
        root.Subcommands.Add(Commands.AnalyzeCommand.Create(output, error));
        root.Subcommands.Add(Commands.SynthCommand.Create(output, error));
        root.Subcommands.Add(Commands.ImportCommand.Create(output, error));
        root.Subcommands.Add(Commands.ExportCommand.Create(output, error));
        root.Subcommands.Add(Commands.ReplayCommand.Create(output, error));
        return root;
    }

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = CreateRoot(output, error);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors)
            {
                error.WriteLine(e.Message);
            }

            error.WriteLine("Try 'deliberation --help'.");
            return ExitCodes.Usage;
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (PolisFormatException e)
        {
            error.WriteLine($"error: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (ConversationNotFoundException e)
        {
            error.WriteLine($"error: {e.Message}");
            return ExitCodes.NotFound;
        }
        catch (Exception e) when (e is DbException || e.InnerException is DbException)
        {
            error.WriteLine($"error: the database failed: {(e.InnerException ?? e).Message}");
            return ExitCodes.Database;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IOException)
        {
            error.WriteLine($"error: {e.Message}");
            return ExitCodes.Failure;
        }
    }
}
