using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Deliberation.Data;

public static class DbExceptionExtensions
{
    /// <summary>True when a write lost a race on a unique index (PostgreSQL 23505, SQLite constraint/unique).</summary>
    public static bool IsUniqueViolation(this Exception exception) => (exception as DbUpdateException)?.InnerException is { } inner
        ? inner.IsUniqueViolation()
        : exception switch
        {
            PostgresException pg => pg.SqlState == PostgresErrorCodes.UniqueViolation,
            SqliteException lite => lite.SqliteErrorCode == 19 && lite.SqliteExtendedErrorCode is 2067 or 1555,
            _ => false,
        };
}
