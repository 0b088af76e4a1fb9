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
    public static PolisExport Read(string path) => Read(path, PolisReadOptions.Lenient);

    public static PolisExport Read(string path, PolisReadOptions options)
    {
        if (Directory.Exists(path))
        {
            return Read(options, name =>
            {
                string file = Path.Combine(path, name);
                return File.Exists(file) ? new StreamReader(file, Encoding.UTF8) : null;
            });
        }

        if (File.Exists(path))
        {
            using var zip = OpenZip(path);
            return Read(options, name =>
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
    public static PolisExport Read(Func<string, TextReader?> open) => Read(PolisReadOptions.Lenient, open);

    /// <summary>
    /// Reads through a file opener (null when the file is absent). A container that fails while a file is read (a
    /// truncated or corrupt zip) is reported as a format error of that file.
    /// </summary>
    public static PolisExport Read(PolisReadOptions options, Func<string, TextReader?> open)
    {
        IReadOnlyList<PolisStatement> statements = [];
        HashSet<long>? known = null;
        var commentsFound = ReadFile(open, PolisColumns.CommentsFile, text => statements = CommentsFileReader.Read(text, strict: options.CheckReferences));
        if (!commentsFound && options.RequireComments)
        {
            throw new PolisFormatException(PolisColumns.CommentsFile, 0, 0, "the export has no comments.csv");
        }

        if (options.CheckReferences)
        {
            known = [.. statements.Select(s => s.Id)];
        }

        IReadOnlyList<PolisParticipant> participants = [];
        IReadOnlyList<PolisMatrixVote> matrix = [];
        if (!ReadFile(open, PolisColumns.ParticipantsVotesFile, text => (participants, matrix) = ParticipantsVotesFileReader.Read(text, knownComments: known)))
        {
            throw new PolisFormatException(PolisColumns.ParticipantsVotesFile, 0, 0, "the export has no participants-votes.csv");
        }

        var summary = new PolisSummary([]);
        ReadFile(open, PolisColumns.SummaryFile, text => summary = SummaryFileReader.Read(text));

        IReadOnlyList<PolisVote>? history = null;
        ReadFile(open, PolisColumns.VotesFile, text => history = VotesFileReader.Read(text, knownComments: known));

        return new PolisExport(summary, statements, participants, matrix, history);
    }

    private static bool ReadFile(Func<string, TextReader?> open, string name, Action<TextReader> read)
    {
        try
        {
            using var text = open(name);
            if (text is null)
            {
                return false;
            }

            read(text);
            return true;
        }
        catch (InvalidDataException e)
        {
            throw new PolisFormatException(name, 0, 0, "the file is damaged (truncated or corrupt archive): " + e.Message);
        }
        catch (DecoderFallbackException e)
        {
            throw new PolisFormatException(name, 0, 0, "the file is not valid UTF-8: " + e.Message);
        }
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
