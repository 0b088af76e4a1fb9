using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Deliberation.Data.Votes;

/// <summary>
/// The statements a participant has voted on: read after every vote to route the next statement, so plain SQL rather
/// than a LINQ query. Measured under load, materialising up to a few hundred ids through EF Core's query pipeline cost
/// more CPU than the vote itself.
/// </summary>
public static class VotedStatements
{
    private const string Sql = "SELECT statement_id FROM votes WHERE participant_id = @p";

    public static async Task<HashSet<long>> ReadVotedStatementsAsync(this DeliberationDbContext db, long participantId, CancellationToken cancellationToken)
    {
        DbConnection connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Sql;
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.AddParameter("p", participantId);
            var voted = new HashSet<long>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                voted.Add(reader.GetInt64(0));
            }

            return voted;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
