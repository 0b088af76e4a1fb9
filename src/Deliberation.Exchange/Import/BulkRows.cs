using Deliberation.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Deliberation.Exchange.Import;

/// <summary>A column of a bulk insert: its name and its PostgreSQL type (for binary COPY).</summary>
internal readonly record struct BulkColumn(string Name, NpgsqlDbType Type);

/// <summary>
/// Inserts many rows fast inside the caller's transaction: binary COPY on PostgreSQL; one prepared INSERT reused for
/// every row on SQLite (inside one transaction that is as fast as SQLite writes get).
/// </summary>
internal static class BulkRows
{
    public static async Task InsertAsync(
        DeliberationDbContext db,
        string table,
        IReadOnlyList<BulkColumn> columns,
        IEnumerable<object?[]> rows,
        Action<long>? progress,
        CancellationToken cancellationToken)
    {
        long done = 0;
        if (db.IsPostgres)
        {
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            string copy = $"COPY {table} ({string.Join(", ", columns.Select(c => c.Name))}) FROM STDIN (FORMAT BINARY)";
            await using var importer = await connection.BeginBinaryImportAsync(copy, cancellationToken);
            foreach (var row in rows)
            {
                await importer.StartRowAsync(cancellationToken);
                for (int i = 0; i < columns.Count; i++)
                {
                    if (row[i] is null)
                    {
                        await importer.WriteNullAsync(cancellationToken);
                    }
                    else
                    {
                        await importer.WriteAsync(row[i], columns[i].Type, cancellationToken);
                    }
                }

                if (++done % 50_000 == 0)
                {
                    progress?.Invoke(done);
                }
            }

            await importer.CompleteAsync(cancellationToken);
        }
        else
        {
            var names = columns.Select(c => c.Name).ToArray();
            await using var command = Sql.Command(
                db, $"INSERT INTO {table} ({string.Join(", ", names)}) VALUES ({string.Join(", ", names.Select(n => "@" + n))})");
            var parameters = names.Select(n =>
            {
                var p = command.CreateParameter();
                p.ParameterName = n;
                command.Parameters.Add(p);
                return p;
            }).ToArray();
            command.Prepare();
            foreach (var row in rows)
            {
                for (int i = 0; i < parameters.Length; i++)
                {
                    parameters[i].Value = row[i] ?? DBNull.Value;
                }

                await command.ExecuteNonQueryAsync(cancellationToken);
                if (++done % 50_000 == 0)
                {
                    progress?.Invoke(done);
                }
            }
        }

        progress?.Invoke(done);
    }
}
