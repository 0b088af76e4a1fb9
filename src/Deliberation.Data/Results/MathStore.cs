using System.Diagnostics;
using Deliberation.Math;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Data.Results;

public enum MathUpdateOutcome
{
    /// <summary>A new result was stored.</summary>
    Updated,

    /// <summary>Nothing changed since the stored result.</summary>
    Unchanged,

    /// <summary>Another writer stored a result meanwhile: run again on top of it.</summary>
    LostRace,
}

/// <summary>What one update stored (or why it stored nothing).</summary>
public sealed record StoredUpdate(MathUpdateOutcome Outcome, MathInputs Inputs, ConversationResult? Row = null, MathResult? Result = null, MathSnapshot? Snapshot = null);

/// <summary>
/// One update of a conversation's math against the database: read the votes in one snapshot, continue from the
/// stored state, and store the new result, state and time-series point in one transaction. The web app runs it in the
/// background and pushes what it stored; the command line runs it after an import. The database is the source of truth,
/// so several writers may run it for one conversation: the tick check lets exactly one of them win each round.
/// </summary>
public static class MathStore
{
    public static async Task<StoredUpdate> UpdateAsync(
        DeliberationDbContext db, long conversationId, DateTimeOffset now, Func<MathInputs, Task>? beforeMath, CancellationToken cancellationToken)
    {
        var inputs = await MathInputs.ReadAsync(db, conversationId, cancellationToken);
        if (beforeMath is not null)
        {
            await beforeMath(inputs);
        }

        var stored = await db.ConversationResults.FirstOrDefaultAsync(r => r.ConversationId == conversationId, cancellationToken);
        if (stored is not null && stored.Watermark == inputs.Watermark && stored.StatementsFingerprint == inputs.StatementsFingerprint)
        {
            return new StoredUpdate(MathUpdateOutcome.Unchanged, inputs);
        }

        var previousState = stored is null ? null : MathJson.DeserializeState(ResultCompression.Decompress(stored.State));
        var stopwatch = Stopwatch.StartNew();
        var update = OpinionEngine.Update(inputs.Statements, inputs.Votes, previousState);
        var elapsedMs = (int)stopwatch.ElapsedMilliseconds;

        var row = stored ?? new ConversationResult { ConversationId = conversationId };
        row.Tick = (stored?.Tick ?? 0) + 1;
        row.Watermark = inputs.Watermark;
        row.StatementsFingerprint = inputs.StatementsFingerprint;
        row.ComputedAt = now;
        row.ElapsedMs = elapsedMs;
        row.Result = ResultCompression.Compress(MathJson.SerializeToUtf8Bytes(update.Result));
        row.State = ResultCompression.Compress(MathJson.SerializeToUtf8Bytes(update.State));
        if (stored is null)
        {
            db.ConversationResults.Add(row);
        }

        var snapshot = SnapshotOf(conversationId, row, update.Result, elapsedMs);
        db.MathSnapshots.Add(snapshot);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || e.IsUniqueViolation())
        {
            db.ChangeTracker.Clear();
            return new StoredUpdate(MathUpdateOutcome.LostRace, inputs);
        }

        return new StoredUpdate(MathUpdateOutcome.Updated, inputs, row, update.Result, snapshot);
    }

    /// <summary>The stored latest result, decoded; null before the first update.</summary>
    public static async Task<(ConversationResult Row, MathResult Result)?> LatestAsync(DeliberationDbContext db, long conversationId, CancellationToken cancellationToken)
    {
        var row = await db.ConversationResults.AsNoTracking().FirstOrDefaultAsync(r => r.ConversationId == conversationId, cancellationToken);
        return row is null ? null : (row, Decode(row));
    }

    public static MathResult Decode(ConversationResult row) =>
        MathJson.DeserializeResult(System.Text.Encoding.UTF8.GetString(ResultCompression.Decompress(row.Result)))
        ?? throw new InvalidDataException($"The stored result of conversation {row.ConversationId} is empty.");

    private static MathSnapshot SnapshotOf(long conversationId, ConversationResult row, MathResult math, int elapsedMs)
    {
        var p = math.Polarisation;
        return new MathSnapshot
        {
            ConversationId = conversationId,
            Tick = row.Tick,
            ComputedAt = row.ComputedAt,
            Watermark = row.Watermark,
            Participants = math.Counts.Participants,
            Votes = math.Counts.Votes,
            InConv = math.Counts.InConv,
            K = math.K,
            GroupSizes = string.Join(',', math.Groups.Select(g => g.Members.Length)),
            BetweenGroupVarianceShare = Finite(p.BetweenGroupVarianceShare),
            MeanSilhouette = Finite(p.MeanSilhouette),
            FirstComponentVarianceShare = Finite(p.FirstComponentVarianceShare),
            MeanDivergence = Finite(p.MeanDivergence),
            DivisiveStatementShare = Finite(p.DivisiveStatementShare),
            BridgingStatements = BridgingSelection.Select(math).Count(),
            ElapsedMs = elapsedMs,
        };
    }

    private static double Finite(double value) => double.IsFinite(value) ? value : 0;
}
