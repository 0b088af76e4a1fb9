using System.Text;
using Deliberation.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Deliberation.Exchange.Import;

/// <summary>A column of a bulk insert: its name and its PostgreSQL type (for binary COPY).</summary>
internal readonly record struct BulkColumn(string Name, NpgsqlDbType Type);

/// <summary>
/// Inserts many rows fast inside the caller's transaction: binary COPY on PostgreSQL; on SQLite, prepared INSERTs of
/// 20 rows each (one round of parsing per batch; larger batches are slower, the provider binds parameters by name). Rows go in the order given, so identity ids increase
/// in that order (both providers hand them out one by one inside one transaction).
/// </summary>
internal static class BulkRows
{
    private const int SqliteRowsPerStatement = 20;

    public static async Task InsertAsync(
        DeliberationDbContext db,
        string table,
        IReadOnlyList<BulkColumn> columns,
        IEnumerable<object?[]> rows,
        Action<long>? progress,
        CancellationToken cancellationToken)
    {
        // Checked here rather than inside Npgsql, whose cancellation of a COPY breaks the connection.
        cancellationToken.ThrowIfCancellationRequested();
        long done = db.IsPostgres
            ? await CopyAsync(db, table, columns, rows, progress, cancellationToken)
            : await InsertSqliteAsync(db, table, columns, rows, progress, cancellationToken);
        progress?.Invoke(done);
    }

    private static async Task<long> CopyAsync(
        DeliberationDbContext db, string table, IReadOnlyList<BulkColumn> columns, IEnumerable<object?[]> rows, Action<long>? progress, CancellationToken cancellationToken)
    {
        long done = 0;
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        string copy = $"COPY {table} ({string.Join(", ", columns.Select(c => c.Name))}) FROM STDIN (FORMAT BINARY)";
        await using var importer = await connection.BeginBinaryImportAsync(copy, cancellationToken);
        foreach (var row in rows)
        {
            // Synchronous writes fill Npgsql's buffer; it goes to the server when full. Typed writes avoid late binding.
            importer.StartRow();
            for (int i = 0; i < columns.Count; i++)
            {
                switch (row[i])
                {
                    case null:
                        importer.WriteNull();
                        break;
                    case long l:
                        importer.Write(l, columns[i].Type);
                        break;
                    case short s:
                        importer.Write(s, columns[i].Type);
                        break;
                    case bool b:
                        importer.Write(b, columns[i].Type);
                        break;
                    case string t:
                        importer.Write(t, columns[i].Type);
                        break;
                    case DateTime d:
                        importer.Write(d, columns[i].Type);
                        break;
                    default:
                        throw new ArgumentException($"Unsupported bulk value type {row[i]!.GetType()}.");
                }
            }

            if (++done % 50_000 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress?.Invoke(done);
            }
        }

        await importer.CompleteAsync(cancellationToken);
        return done;
    }

    private static async Task<long> InsertSqliteAsync(
        DeliberationDbContext db, string table, IReadOnlyList<BulkColumn> columns, IEnumerable<object?[]> rows, Action<long>? progress, CancellationToken cancellationToken)
    {
        long done = 0;
        var batch = new List<object?[]>(SqliteRowsPerStatement);
        System.Data.Common.DbCommand? full = null;
        try
        {
            foreach (var row in rows)
            {
                batch.Add(row);
                if (batch.Count == SqliteRowsPerStatement)
                {
                    full ??= Prepare(db, table, columns, SqliteRowsPerStatement);
                    await RunAsync(full, batch, columns.Count, cancellationToken);
                    done += batch.Count;
                    batch.Clear();
                    if (done % 50_000 < SqliteRowsPerStatement)
                    {
                        progress?.Invoke(done);
                    }
                }
            }

            if (batch.Count > 0)
            {
                await using var rest = Prepare(db, table, columns, batch.Count);
                await RunAsync(rest, batch, columns.Count, cancellationToken);
                done += batch.Count;
            }
        }
        finally
        {
            if (full is not null)
            {
                await full.DisposeAsync();
            }
        }

        return done;
    }

    private static System.Data.Common.DbCommand Prepare(DeliberationDbContext db, string table, IReadOnlyList<BulkColumn> columns, int rowCount)
    {
        var sql = new StringBuilder($"INSERT INTO {table} ({string.Join(", ", columns.Select(c => c.Name))}) VALUES ");
        var command = Sql.Command(db, "");
        for (int r = 0; r < rowCount; r++)
        {
            sql.Append(r == 0 ? "(" : ", (");
            for (int c = 0; c < columns.Count; c++)
            {
                string name = $"@p{r}_{c}";
                sql.Append(c == 0 ? name : ", " + name);
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                command.Parameters.Add(parameter);
            }

            sql.Append(')');
        }

        command.CommandText = sql.ToString();
        command.Prepare();
        return command;
    }

    private static async Task RunAsync(System.Data.Common.DbCommand command, List<object?[]> batch, int columnCount, CancellationToken cancellationToken)
    {
        int p = 0;
        foreach (var row in batch)
        {
            for (int c = 0; c < columnCount; c++)
            {
                command.Parameters[p++].Value = row[c] ?? DBNull.Value;
            }
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
