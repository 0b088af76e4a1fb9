namespace Deliberation.Math;

/// <summary>
/// How strongly a statement should be shown next (spec §1.10): ((1 − p)·(E + 1)·a·(1 + 8·2^(−S/5)))², where
/// a and p are the smoothed agree and pass shares among clustered voters and E the statement's extremity on the
/// map. New statements get a boost that fades after a few votes; meta statements always get 49.
/// </summary>
public static class RoutingPriority
{
    public const double MetaPriority = 49;

    public static double Compute(int agrees, int disagrees, int seen, double extremity)
    {
        seen = System.Math.Max(seen, agrees + disagrees);
        int passes = seen - agrees - disagrees;
        double a = (agrees + 1.0) / (seen + 2.0);
        double p = (passes + 1.0) / (seen + 2.0);
        double e = double.IsFinite(extremity) ? System.Math.Max(0, extremity) : 0;
        double boost = 1 + (8 * System.Math.Pow(2, -seen / 5.0));
        double root = (1 - p) * (e + 1) * a * boost;
        return root * root;
    }

    /// <summary>Priority of a statement nobody has voted on yet (not yet in any result): 49 for meta, else ((½)(1)(½)(9))².</summary>
    public static double ForNewStatement(bool isMeta = false) => isMeta ? MetaPriority : Compute(0, 0, 0, 0);
}
