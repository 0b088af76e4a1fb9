namespace Deliberation.Math.Uncertainty;

/// <summary>Statements people are unsure about (spec §1.11): passes/seen &gt; 0.3, ranked by (passes/seen)²·passes.</summary>
internal static class UncertainStatements
{
    public static UncertainStatement[] Compute(VoteTally[] all, long[] statementIds, bool[] moderatedOut, int count)
    {
        var list = new List<(UncertainStatement Statement, double Rank)>();
        for (int j = 0; j < statementIds.Length; j++)
        {
            var t = all[j];
            if (moderatedOut[j] || t.S == 0)
            {
                continue;
            }

            double share = (double)t.P / t.S;
            if (share > 0.3)
            {
                list.Add((new UncertainStatement(statementIds[j], share, t), share * share * t.P));
            }
        }

        return [.. list.OrderByDescending(u => u.Rank).ThenBy(u => u.Statement.StatementId).Take(System.Math.Max(0, count)).Select(u => u.Statement)];
    }
}
