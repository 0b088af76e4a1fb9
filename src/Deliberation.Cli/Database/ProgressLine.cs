using System.Globalization;

namespace Deliberation.Cli.Database;

/// <summary>
/// Progress of long work on standard error (so that standard output, and --json, stay clean): a bar redrawn in place
/// on a terminal, one line per stage and per 25% when the output is a file or a pipe.
/// </summary>
internal sealed class ProgressLine(TextWriter error)
{
    private readonly bool interactive = ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected;
    private string stage = "";
    private int lastQuarter = -1;

    public void Report(string name, long done, long total)
    {
        double share = total <= 0 ? 1 : System.Math.Clamp(done / (double)total, 0, 1);
        if (interactive)
        {
            const int width = 30;
            int filled = (int)(share * width);
            error.Write(string.Create(CultureInfo.InvariantCulture, $"\r{name,-14} [{new string('#', filled)}{new string('.', width - filled)}] {done:N0}/{total:N0}   "));
            if (done >= total)
            {
                error.WriteLine();
            }

            return;
        }

        int quarter = (int)(share * 4);
        if (name != stage || quarter > lastQuarter)
        {
            stage = name;
            lastQuarter = quarter;
            error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {done:N0}/{total:N0} ({share:P0})"));
        }
    }
}
