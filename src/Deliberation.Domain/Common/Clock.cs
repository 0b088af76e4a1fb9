namespace Deliberation.Domain.Common;

public static class Clock
{
    /// <summary>
    /// Times are kept to the millisecond: SQLite stores them as Unix milliseconds and Polis exports use epoch-ms,
    /// so truncating here makes both providers and the exports agree exactly.
    /// </summary>
    public static DateTimeOffset UtcNowMs(this TimeProvider time) =>
        DateTimeOffset.FromUnixTimeMilliseconds(time.GetUtcNow().ToUnixTimeMilliseconds());
}
