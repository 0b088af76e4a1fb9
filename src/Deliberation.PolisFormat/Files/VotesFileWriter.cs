using System.Globalization;
using Deliberation.PolisFormat.Csv;

namespace Deliberation.PolisFormat.Files;

/// <summary>Writes votes.csv (the event log) one vote at a time: a million votes never sit in memory.</summary>
public sealed class VotesFileWriter : IDisposable
{
    private readonly CsvWriter _csv;

    public VotesFileWriter(TextWriter text)
    {
        _csv = new CsvWriter(text, ownsWriter: false);
        _csv.WriteRecord(PolisColumns.VotesHeader);
    }

    public void Write(PolisVote vote) =>
        _csv.WriteRecord(
            vote.Timestamp.ToString(CultureInfo.InvariantCulture),
            PolisDates.Format(vote.Timestamp),
            vote.StatementId.ToString(CultureInfo.InvariantCulture),
            vote.VoterId.ToString(CultureInfo.InvariantCulture),
            vote.Value.ToString(CultureInfo.InvariantCulture));

    public void Dispose() => _csv.Dispose();
}
