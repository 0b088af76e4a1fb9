namespace Deliberation.Math.Clustering;

/// <summary>A point of the 2-D opinion map.</summary>
internal readonly record struct Point2(double X, double Y)
{
    public double DistanceSquared(Point2 other)
    {
        double dx = X - other.X, dy = Y - other.Y;
        return dx * dx + dy * dy;
    }

    public double Distance(Point2 other) => System.Math.Sqrt(DistanceSquared(other));
}
