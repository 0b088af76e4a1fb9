using System.Globalization;
using Deliberation.PolisFormat.Csv;

namespace Deliberation.PolisFormat.Files;

/// <summary>Writes votes.csv (the event log) one vote at a time: a million votes never sit in memory.</summary>
public sealed class VotesFileWriter : IDisposable
{
    private readonly CsvWriter _csv;
    private long _second = long.MinValue;
    private string _datetime = "";

    public VotesFileWriter(TextWriter text)
    {
        _csv = new CsvWriter(text, ownsWriter: false);
        _csv.WriteRecord(PolisColumns.VotesHeader);
    }

    public void Write(PolisVote vote) =>
        _csv.WriteRecord(
            vote.Timestamp.ToString(CultureInfo.InvariantCulture),
            Datetime(vote.Timestamp),
            vote.StatementId.ToString(CultureInfo.InvariantCulture),
            vote.VoterId.ToString(CultureInfo.InvariantCulture),
            vote.Value.ToString(CultureInfo.InvariantCulture));

    public void Dispose() => _csv.Dispose();

    // Votes come in time order, many in the same second: format each second once.
    private string Datetime(long timestamp)
    {
        long second = Math.DivRem(timestamp, 1000, out long rest) - (rest < 0 ? 1 : 0);
        if (second != _second)
        {
            _second = second;
            _datetime = PolisDates.Format(timestamp);
        }

        return _datetime;
    }
}
