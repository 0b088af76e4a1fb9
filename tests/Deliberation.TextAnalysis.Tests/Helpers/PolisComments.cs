using Deliberation.TextAnalysis;
using Microsoft.VisualBasic.FileIO;

namespace Deliberation.TextAnalysis.Tests.Helpers;

/// <summary>Reads the statements of the Polis conversations copied into tests/fixtures/polis.</summary>
public static class PolisComments
{
    public const string BowlingGreen = "american-assembly.bowling-green";
    public const string Austria = "austria-climate.5twd2jsnkf.2022-08-08";
    public const string Taiwan = "vtaiwan.uberx";

    private static readonly Dictionary<string, IReadOnlyList<StatementText>> Cache = [];
    private static readonly Lock CacheLock = new();

    /// <summary>All statements of a conversation (moderated out ones too), in file order.</summary>
    public static IReadOnlyList<StatementText> Load(string conversation)
    {
        lock (CacheLock)
        {
            if (!Cache.TryGetValue(conversation, out var statements))
                Cache[conversation] = statements = Read(Path.Combine(Fixtures.PolisFolder, conversation, "comments.csv"));
            return statements;
        }
    }

    public static string TextOf(string conversation, long id) => Load(conversation).Single(s => s.Id == id).Text;

    private static List<StatementText> Read(string path)
    {
        // The bodies hold quoted commas, quotes and line breaks: RFC 4180, which TextFieldParser reads.
        using var parser = new TextFieldParser(path) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true, TrimWhiteSpace = false };
        parser.SetDelimiters(",");
        var header = parser.ReadFields() ?? throw new InvalidDataException($"{path} is empty.");
        var idColumn = Array.IndexOf(header, "comment-id");
        var bodyColumn = Array.IndexOf(header, "comment-body");
        if (idColumn < 0 || bodyColumn < 0)
            throw new InvalidDataException($"{path} lacks comment-id or comment-body.");
        var statements = new List<StatementText>();
        while (!parser.EndOfData)
        {
            var fields = parser.ReadFields() ?? [];
            statements.Add(new StatementText(long.Parse(fields[idColumn], System.Globalization.CultureInfo.InvariantCulture), fields[bodyColumn]));
        }
        return statements;
    }
}
