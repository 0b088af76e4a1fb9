using Deliberation.Data;
using Deliberation.Data.Results;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Api.Features.Results;

/// <summary>
/// The time series of a conversation's updates and its rate of change. "Polarisation per minute" is the slope of a
/// least-squares line through the points of the last window (a slope is steadier than first-minus-last when
/// updates are irregular); null until the window holds two points a moment apart.
/// </summary>
public static class PolarisationSeries
{
    public static PolarisationPoint PointOf(MathSnapshot s) => new(
        s.Tick,
        s.ComputedAt,
        s.Participants,
        s.Votes,
        s.InConv,
        s.K,
        s.GroupSizes.Length == 0 ? [] : s.GroupSizes.Split(',').Select(int.Parse).ToList(),
        System.Math.Round(s.BetweenGroupVarianceShare, 4),
        System.Math.Round(s.MeanSilhouette, 4),
        System.Math.Round(s.FirstComponentVarianceShare, 4),
        System.Math.Round(s.MeanDivergence, 4),
        System.Math.Round(s.DivisiveStatementShare, 4),
        s.BridgingStatements);

    /// <summary>The change per minute over the window that ends at the newest point (which both callers already hold).</summary>
    public static async Task<PolarisationRateView> RateAsync(
        DeliberationDbContext db, long conversationId, DateTimeOffset? newest, int windowMinutes, CancellationToken cancellationToken)
    {
        if (newest is null)
        {
            return new PolarisationRateView(null, null, null);
        }

        var from = newest.Value.AddMinutes(-windowMinutes);
        var window = await db.MathSnapshots.AsNoTracking()
            .Where(s => s.ConversationId == conversationId && s.ComputedAt >= from)
            .OrderBy(s => s.Tick)
            .Select(s => new { s.ComputedAt, s.BetweenGroupVarianceShare, s.MeanSilhouette, s.MeanDivergence })
            .ToListAsync(cancellationToken);
        var minutes = window.Select(w => (w.ComputedAt - newest.Value).TotalMinutes).ToArray();
        return new PolarisationRateView(
            Slope(minutes, window.Select(w => w.BetweenGroupVarianceShare).ToArray()),
            Slope(minutes, window.Select(w => w.MeanSilhouette).ToArray()),
            Slope(minutes, window.Select(w => w.MeanDivergence).ToArray()));
    }

    /// <summary>Least-squares slope of y over x (per minute), or null when x does not vary.</summary>
    public static double? Slope(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        if (x.Count < 2)
        {
            return null;
        }

        var meanX = x.Average();
        var meanY = y.Average();
        double covariance = 0, variance = 0;
        for (var i = 0; i < x.Count; i++)
        {
            covariance += (x[i] - meanX) * (y[i] - meanY);
            variance += (x[i] - meanX) * (x[i] - meanX);
        }

        return variance < 1e-12 ? null : System.Math.Round(covariance / variance, 6);
    }
}
