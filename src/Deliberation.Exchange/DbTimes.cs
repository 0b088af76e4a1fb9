using System.Data.Common;

namespace Deliberation.Exchange;

/// <summary>Times as the two providers store them: timestamptz on PostgreSQL, Unix milliseconds on SQLite.</summary>
internal static class DbTimes
{
    public static long ReadMs(DbDataReader reader, int ordinal, bool isPostgres) =>
        isPostgres
            ? new DateTimeOffset(DateTime.SpecifyKind(reader.GetFieldValue<DateTime>(ordinal), DateTimeKind.Utc)).ToUnixTimeMilliseconds()
            : reader.GetInt64(ordinal);

    public static object Parameter(long unixMs, bool isPostgres) =>
        isPostgres ? DateTimeOffset.FromUnixTimeMilliseconds(unixMs).UtcDateTime : unixMs;
}
