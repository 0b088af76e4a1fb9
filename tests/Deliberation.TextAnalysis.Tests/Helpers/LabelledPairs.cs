using System.Globalization;

namespace Deliberation.TextAnalysis.Tests.Helpers;

/// <summary>A hand-labelled pair of statements from tests/fixtures/text/near-duplicates.csv.</summary>
/// <param name="Earlier">The smaller (older) comment id.</param>
/// <param name="Later">The larger (newer) comment id: the one a participant would have been typing.</param>
public sealed record LabelledPair(string Conversation, long Earlier, long Later, bool IsNearDuplicate);

public static class LabelledPairs
{
    private static readonly Lazy<IReadOnlyList<LabelledPair>> All = new(Read);

    public static IReadOnlyList<LabelledPair> Load() => All.Value;

    private static List<LabelledPair> Read()
    {
        var lines = File.ReadAllLines(Path.Combine(Fixtures.TextFolder, "near-duplicates.csv"));
        if (lines.Length == 0 || lines[0] != "conversation,comment-id-a,comment-id-b,label")
            throw new InvalidDataException("near-duplicates.csv has an unexpected header.");
        return lines.Skip(1).Where(line => line.Length > 0).Select(Parse).ToList();
    }

    private static LabelledPair Parse(string line)
    {
        var fields = line.Split(',');
        var a = long.Parse(fields[1], CultureInfo.InvariantCulture);
        var b = long.Parse(fields[2], CultureInfo.InvariantCulture);
        var label = fields[3] switch
        {
            "1" => true,
            "0" => false,
            _ => throw new InvalidDataException($"Label must be 0 or 1: {line}"),
        };
        return new LabelledPair(fields[0], System.Math.Min(a, b), System.Math.Max(a, b), label);
    }
}
