namespace Deliberation.Cli.Tests;

/// <summary>Runs the command composition in-process with captured output, as the dotnet tool would run it.</summary>
internal static class CliRunner
{
    public static (int Exit, string Out, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int exit = CliApp.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
