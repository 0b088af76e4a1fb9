namespace Deliberation.PolisFormat.Csv;

/// <summary>
/// The header row of a CSV file: columns are always found by name (Polis exports differ in which columns they
/// carry and in what order, e.g. the optional <c>xid</c>), never by position.
/// </summary>
public sealed class CsvHeader
{
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);

    public CsvHeader(IReadOnlyList<string> names, string fileName)
    {
        Names = names;
        FileName = fileName;
        for (int i = 0; i < names.Count; i++)
        {
            _index.TryAdd(names[i].Trim(), i);
        }
    }

    public IReadOnlyList<string> Names { get; }

    public string FileName { get; }

    public int? Find(string name) => _index.TryGetValue(name, out int i) ? i : null;

    public int Require(string name) =>
        Find(name) ?? throw new PolisFormatException(FileName, 1, 0, $"the header has no '{name}' column");
}
