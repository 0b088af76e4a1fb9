using Deliberation.PolisFormat;
using Deliberation.PolisFormat.Csv;
using Deliberation.PolisFormat.Files;

namespace Deliberation.Exchange.Tests.Infrastructure;

/// <summary>Compares an export of ours with an original Polis export, cell by cell and row by row.</summary>
internal static class ExportComparison
{
    public static (IReadOnlyList<PolisParticipant> Participants, IReadOnlyList<PolisMatrixVote> Cells) Matrix(string folder)
    {
        using var text = File.OpenText(Path.Combine(folder, PolisColumns.ParticipantsVotesFile));
        return ParticipantsVotesFileReader.Read(text);
    }

    public static IReadOnlyList<PolisVote> Votes(string folder)
    {
        using var text = File.OpenText(Path.Combine(folder, PolisColumns.VotesFile));
        return VotesFileReader.Read(text);
    }

    public static IReadOnlyList<PolisStatement> Comments(string folder)
    {
        using var text = File.OpenText(Path.Combine(folder, PolisColumns.CommentsFile));
        return CommentsFileReader.Read(text);
    }

    /// <summary>The same participant × comment cells, and the same participants with the same counts.</summary>
    public static void AssertSameMatrix(string original, string exported)
    {
        var (expectedRows, expectedCells) = Matrix(original);
        var (actualRows, actualCells) = Matrix(exported);

        var expected = expectedCells.ToHashSet();
        var actual = actualCells.ToHashSet();
        Assert.Equal(expected.Count, actual.Count);
        var missing = expected.Except(actual).Take(5).ToList();
        Assert.True(missing.Count == 0, "cells missing from the export: " + string.Join("; ", missing));

        // Participant rows by id, with the n-… columns Polis defines (group-id is ours, not compared).
        Assert.Equal(
            expectedRows.Select(r => (r.Id, r.CommentCount, r.VoteCount, r.AgreeCount, r.DisagreeCount)).Order(),
            actualRows.Select(r => (r.Id, r.CommentCount, r.VoteCount, r.AgreeCount, r.DisagreeCount)).Order());

        // The comment columns: the same comment ids (by header name; order is ascending in both).
        Assert.Equal(Header(original).Where(IsComment).Order(), Header(exported).Where(IsComment).Order());
    }

    public static IReadOnlyList<string> Header(string folder)
    {
        using var csv = new CsvReader(File.OpenText(Path.Combine(folder, PolisColumns.ParticipantsVotesFile)), PolisColumns.ParticipantsVotesFile);
        return csv.Read() ?? [];
    }

    private static bool IsComment(string name) => long.TryParse(name, out _);
}
