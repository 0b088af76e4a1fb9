namespace Deliberation.Math.Pca;

/// <summary>Two principal components over statements (unit length, or all zero when there is no variance).</summary>
internal sealed record PcaResult(double[] Pc1, double[] Pc2, double Eigenvalue1, double Eigenvalue2, int Iterations);
