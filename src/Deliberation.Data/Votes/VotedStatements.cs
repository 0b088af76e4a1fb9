namespace Deliberation.Data.Votes;

/// <summary>
/// The statements a participant has voted on, for routing when a node has no copy of them yet (the API's
/// <c>VotedStatementsCache</c>): plain SQL rather than a LINQ query, since materialising up to a few hundred ids
/// through EF Core's query pipeline, measured under load, cost more CPU than the vote itself.
/// </summary>
public static class VotedStatements
{
    private const string Sql = "SELECT statement_id FROM votes WHERE participant_id = @p";

    public static Task<HashSet<long>> ReadVotedStatementsAsync(this DeliberationDbContext db, long participantId, CancellationToken cancellationToken) =>
        db.WithCommandAsync(Sql, async command =>
        {
            command.AddParameter("p", participantId);
            var voted = new HashSet<long>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                voted.Add(reader.GetInt64(0));
            }

            return voted;
        }, cancellationToken);
}
