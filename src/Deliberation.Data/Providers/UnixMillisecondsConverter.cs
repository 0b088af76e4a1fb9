using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Deliberation.Data.Providers;

public sealed class UnixMillisecondsConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.ToUnixTimeMilliseconds(),
    value => DateTimeOffset.FromUnixTimeMilliseconds(value));
