using System.Globalization;

namespace Deliberation.PolisFormat;

/// <summary>
/// The <c>datetime</c> column of Polis exports: a Java <c>Date.toString()</c> ("Wed Jun 18 08:16:54 WIB 2014") in the
/// exporting server's zone. Readers ignore it (the epoch-ms <c>timestamp</c> is exact); we write it in UTC.
/// </summary>
public static class PolisDates
{
    public static string Format(long unixMilliseconds) =>
        DateTimeOffset.FromUnixTimeMilliseconds(unixMilliseconds).UtcDateTime
            .ToString("ddd MMM dd HH:mm:ss 'UTC' yyyy", CultureInfo.InvariantCulture);
}
