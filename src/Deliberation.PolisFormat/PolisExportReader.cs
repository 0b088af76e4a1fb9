using System.IO.Compression;
using System.Text;
using Deliberation.PolisFormat.Files;

namespace Deliberation.PolisFormat;

/// <summary>
/// Reads a Polis export from a folder or a zip. participants-votes.csv is required (it carries the matrix and
/// Polis's groups); comments.csv, summary.csv and votes.csv are read when present. In a zip the files may sit in
/// a sub-folder.
/// </summary>
public static class PolisExportReader
{
    public static PolisExport Read(string path)
    {
        if (Directory.Exists(path))
        {
            return Read(name =>
            {
                string file = Path.Combine(path, name);
                return File.Exists(file) ? new StreamReader(file, Encoding.UTF8) : null;
            });
        }

        if (File.Exists(path))
        {
            using var zip = OpenZip(path);
            return Read(name =>
            {
                var entry = zip.Entries
                    .Where(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase))
                    .OrderBy(e => e.FullName.Length)
                    .FirstOrDefault();
                return entry is null ? null : new StreamReader(entry.Open(), Encoding.UTF8);
            });
        }

        throw new FileNotFoundException($"No Polis export folder or zip at '{path}'.", path);
    }

    /// <summary>Reads through a file opener (null when the file is absent): the seam for tests and other containers.</summary>
    public static PolisExport Read(Func<string, TextReader?> open)
    {
        using var participantsText = open(PolisColumns.ParticipantsVotesFile)
            ?? throw new PolisFormatException(PolisColumns.ParticipantsVotesFile, 0, 0, "the export has no participants-votes.csv");
        var (participants, matrix) = ParticipantsVotesFileReader.Read(participantsText);

        IReadOnlyList<PolisStatement> statements = [];
        using (var comments = open(PolisColumns.CommentsFile))
        {
            if (comments is not null)
            {
                statements = CommentsFileReader.Read(comments);
            }
        }

        var summary = new PolisSummary([]);
        using (var summaryText = open(PolisColumns.SummaryFile))
        {
            if (summaryText is not null)
            {
                summary = SummaryFileReader.Read(summaryText);
            }
        }

        IReadOnlyList<PolisVote>? history = null;
        using (var votes = open(PolisColumns.VotesFile))
        {
            if (votes is not null)
            {
                history = VotesFileReader.Read(votes);
            }
        }

        return new PolisExport(summary, statements, participants, matrix, history);
    }

    private static ZipArchive OpenZip(string path)
    {
        try
        {
            return ZipFile.OpenRead(path);
        }
        catch (InvalidDataException e)
        {
            throw new PolisFormatException(Path.GetFileName(path), 0, 0, "not a folder nor a readable zip: " + e.Message);
        }
    }
}
