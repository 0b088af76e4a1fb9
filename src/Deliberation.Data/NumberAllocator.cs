namespace Deliberation.Data;

/// <summary>
/// Hands out the per-conversation small numbers of participants and statements with one atomic UPDATE … RETURNING,
/// safe across app nodes. A number taken by a request that later fails is simply skipped: numbers are stable, not dense.
/// </summary>
public static class NumberAllocator
{
    private const string ParticipantSql =
        "UPDATE conversations SET participant_counter = participant_counter + @n WHERE id = @c RETURNING participant_counter";

    private const string StatementSql =
        "UPDATE conversations SET statement_counter = statement_counter + @n WHERE id = @c RETURNING statement_counter";

    /// <returns>The first of <paramref name="count"/> consecutive 0-based numbers.</returns>
    public static Task<long> NextParticipantNumbersAsync(this DeliberationDbContext db, long conversationId, int count, CancellationToken cancellationToken) =>
        AllocateAsync(db, ParticipantSql, conversationId, count, cancellationToken);

    /// <returns>The first of <paramref name="count"/> consecutive 0-based numbers.</returns>
    public static Task<long> NextStatementNumbersAsync(this DeliberationDbContext db, long conversationId, int count, CancellationToken cancellationToken) =>
        AllocateAsync(db, StatementSql, conversationId, count, cancellationToken);

    private static Task<long> AllocateAsync(DeliberationDbContext db, string sql, long conversationId, int count, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);

        // In the caller's transaction when there is one, so numbers and rows commit together.
        return db.WithCommandAsync(sql, async command =>
        {
            command.AddParameter("n", count);
            command.AddParameter("c", conversationId);
            var last = await command.ExecuteScalarAsync(cancellationToken)
                ?? throw new InvalidOperationException($"Conversation {conversationId} does not exist.");
            return Convert.ToInt64(last, System.Globalization.CultureInfo.InvariantCulture) - count;
        }, cancellationToken);
    }
}
