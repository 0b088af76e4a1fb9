namespace Deliberation.TextAnalysis.Tests.Helpers;

/// <summary>How often the write flow shows the statement a draft repeats.</summary>
/// <param name="Queries">Labelled near-duplicate pairs replayed as drafts.</param>
/// <param name="PrecisionAt1">Share of drafts whose first suggestion is the labelled original.</param>
/// <param name="RecallAt3">Share of drafts whose labelled original is among the first three suggestions.</param>
/// <param name="RecallAt5">Share of drafts whose labelled original is among the first five suggestions.</param>
public sealed record WriteFlowFigures(int Queries, double PrecisionAt1, double RecallAt3, double RecallAt5);

/// <summary>How well one threshold on <see cref="IStatementSimilarity.FindNearDuplicates"/> separates the labelled pairs.</summary>
public sealed record ThresholdFigures(double Threshold, int TruePositives, int FalsePositives, int FalseNegatives, int TrueNegatives)
{
    public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);

    public double Recall => TruePositives + FalseNegatives == 0 ? 1 : (double)TruePositives / (TruePositives + FalseNegatives);

    public override string ToString() =>
        $"threshold {Threshold:F2}: precision {Precision:P0} ({TruePositives}/{TruePositives + FalsePositives}), recall {Recall:P0} ({TruePositives}/{TruePositives + FalseNegatives})";
}

public static class NearDuplicateEvaluation
{
    /// <summary>
    /// Replays each conversation in id order, the order the statements were written: before a labelled later statement
    /// is added, its text is the draft, and the index holds exactly the statements written before it, grown with
    /// <see cref="IStatementSimilarity.Add"/> as the web app grows it.
    /// </summary>
    public static WriteFlowFigures ReplayWriteFlow(IStatementSimilarityFactory factory, IReadOnlyList<LabelledPair> pairs)
    {
        int queries = 0, first = 0, inThree = 0, inFive = 0;
        foreach (var conversation in pairs.Where(p => p.IsNearDuplicate).GroupBy(p => p.Conversation))
        {
            var originalsByDraft = conversation.ToLookup(p => p.Later, p => p.Earlier);
            var firstDraft = originalsByDraft.Min(draft => draft.Key);
            var statements = PolisComments.Load(conversation.Key).OrderBy(s => s.Id).ToList();
            // Everything written before the first labelled draft is indexed at once; the rest arrives one by one.
            var index = factory.Create(statements.TakeWhile(s => s.Id < firstDraft));
            foreach (var statement in statements.SkipWhile(s => s.Id < firstDraft))
            {
                if (originalsByDraft.Contains(statement.Id))
                {
                    var originals = originalsByDraft[statement.Id].ToHashSet();
                    var ranked = index.FindSimilar(statement.Text, 5).Select(s => s.Id).ToList();
                    queries++;
                    first += ranked.Count > 0 && originals.Contains(ranked[0]) ? 1 : 0;
                    inThree += ranked.Take(3).Any(originals.Contains) ? 1 : 0;
                    inFive += ranked.Any(originals.Contains) ? 1 : 0;
                }
                index.Add(statement);
            }
        }
        return new WriteFlowFigures(queries, (double)first / queries, (double)inThree / queries, (double)inFive / queries);
    }

    /// <summary>Scores of the labelled pairs on full indexes; pairs below <paramref name="floor"/> score 0.</summary>
    public static IReadOnlyDictionary<LabelledPair, double> ScorePairs(
        IStatementSimilarityFactory factory, IReadOnlyList<LabelledPair> pairs, double floor)
    {
        var scores = new Dictionary<LabelledPair, double>();
        foreach (var conversation in pairs.GroupBy(p => p.Conversation))
        {
            var found = factory.Create(PolisComments.Load(conversation.Key)).FindNearDuplicates(floor)
                .ToDictionary(pair => (pair.FirstId, pair.SecondId), pair => pair.Score);
            foreach (var pair in conversation)
                scores[pair] = found.GetValueOrDefault((pair.Earlier, pair.Later));
        }
        return scores;
    }

    public static ThresholdFigures AtThreshold(IReadOnlyDictionary<LabelledPair, double> scores, double threshold)
    {
        int tp = 0, fp = 0, fn = 0, tn = 0;
        foreach (var (pair, score) in scores)
        {
            var flagged = score >= threshold;
            if (flagged && pair.IsNearDuplicate) tp++;
            else if (flagged) fp++;
            else if (pair.IsNearDuplicate) fn++;
            else tn++;
        }
        return new ThresholdFigures(threshold, tp, fp, fn, tn);
    }
}
