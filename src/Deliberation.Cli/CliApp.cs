using System.CommandLine;
using Deliberation.PolisFormat;

namespace Deliberation.Cli;

/// <summary>
/// Composes the commands; each lives in its own file under Commands/ and is added here with one line.
/// Parse errors exit with 2, unreadable input with 3, anything else unexpected with 1.
/// </summary>
public static class CliApp
{
    public static RootCommand CreateRoot(TextWriter output, TextWriter error)
    {
        var root = new RootCommand("Deliberation: the researcher's tool for opinion math on Polis-format conversations.");
        root.Subcommands.Add(Commands.AnalyzeCommand.Create(output, error));
        root.Subcommands.Add(Commands.SynthCommand.Create(output, error));
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
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IOException)
        {
            error.WriteLine($"error: {e.Message}");
            return ExitCodes.Failure;
        }
    }
}
