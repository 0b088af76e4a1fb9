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

    /// <summary>True when a write referred to a row that does not exist (PostgreSQL 23503, SQLite foreign key).</summary>
    public static bool IsForeignKeyViolation(this Exception exception) => (exception as DbUpdateException)?.InnerException is { } inner
        ? inner.IsForeignKeyViolation()
        : exception switch
        {
            PostgresException pg => pg.SqlState == PostgresErrorCodes.ForeignKeyViolation,
            SqliteException lite => lite.SqliteErrorCode == 19 && lite.SqliteExtendedErrorCode == 787,
            _ => false,
        };
}
