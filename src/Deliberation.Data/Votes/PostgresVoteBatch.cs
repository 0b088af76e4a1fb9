using Npgsql;

namespace Deliberation.Data.Votes;

/// <summary>
/// Many participants' votes in one statement and one commit on PostgreSQL: the votes arrive as arrays, pass the same
/// guard as a single vote (<see cref="VoteWriter"/>), append their events and upsert the current votes. A vote the guard
/// refuses is simply absent from the answer. The pairs (participant, statement) of one batch must be distinct, since
/// one statement cannot upsert the same row twice; <see cref="VoteBatcher"/> keeps duplicates for the next batch.
/// Each recorded vote also reports whether it is the participant's first on that statement, which lets a node check its
/// cached copy of their voted statements (see <see cref="RecordedVote"/>) without reading them back.
/// </summary>
internal static class PostgresVoteBatch
{
    // Rows are inserted in key order so that two batches running side by side lock the same rows in the same order
    // (no deadlock between them).
    private const string Sql = $"""
        WITH input AS (
            SELECT * FROM unnest(@c, @p, @s, @v, @t) AS i(conversation_id, participant_id, statement_id, value, at)
        ),
        allowed AS (
            SELECT i.* FROM input i
            JOIN conversations c ON c.id = i.conversation_id
            JOIN statements s ON s.id = i.statement_id AND s.conversation_id = c.id
            WHERE {VoteWriter.VotableCondition}
        ),
        e AS (
            INSERT INTO vote_events (conversation_id, participant_id, statement_id, value, created_at)
            SELECT conversation_id, participant_id, statement_id, value, at FROM allowed
            ORDER BY participant_id, statement_id
            RETURNING id, conversation_id, participant_id, statement_id, value, created_at
        ),
        v AS (
            INSERT INTO votes (participant_id, statement_id, conversation_id, value, updated_at, last_event_id)
            SELECT participant_id, statement_id, conversation_id, value, created_at, id FROM e
            ORDER BY participant_id, statement_id
            {VoteWriter.Upsert}
        )
        SELECT e.participant_id, e.statement_id, e.id,
               -- The sub-statements share the snapshot from before this statement: this is whether the vote existed.
               EXISTS (SELECT 1 FROM votes x WHERE x.participant_id = e.participant_id AND x.statement_id = e.statement_id)
        FROM e
        """;

    /// <summary>Synchronous on purpose: it runs on the batcher's own threads (see <see cref="VoteBatcher"/>).</summary>
    /// <returns>Every vote recorded, by (participant, statement); refused votes are missing.</returns>
    public static Dictionary<(long Participant, long Statement), RecordedVote> Write(NpgsqlConnection connection, IReadOnlyList<VoteToRecord> votes)
    {
        var conversations = new long[votes.Count];
        var participants = new long[votes.Count];
        var statements = new long[votes.Count];
        var values = new short[votes.Count];
        var times = new DateTime[votes.Count];
        for (var i = 0; i < votes.Count; i++)
        {
            var vote = votes[i];
            conversations[i] = vote.ConversationId;
            participants[i] = vote.ParticipantId;
            statements[i] = vote.StatementId;
            values[i] = (short)vote.Value;
            times[i] = vote.At.UtcDateTime;
        }

        using var command = new NpgsqlCommand(Sql, connection);
        command.Parameters.AddWithValue("c", conversations);
        command.Parameters.AddWithValue("p", participants);
        command.Parameters.AddWithValue("s", statements);
        command.Parameters.AddWithValue("v", values);
        command.Parameters.AddWithValue("t", times);
        var recorded = new Dictionary<(long, long), RecordedVote>(votes.Count);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            recorded[(reader.GetInt64(0), reader.GetInt64(1))] = new RecordedVote(reader.GetInt64(2), FirstOnStatement: !reader.GetBoolean(3));
        }

        return recorded;
    }
}
