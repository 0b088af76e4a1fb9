namespace Deliberation.TextAnalysis.Featurisation;

/// <summary>A TF-IDF vector keeping only its non-zero entries, indices ascending, with its Euclidean norm.</summary>
internal sealed class SparseVector
{
    public static SparseVector Empty { get; } = new([], []);

    public SparseVector(int[] indices, float[] values)
    {
        Indices = indices;
        Values = values;
        double sum = 0;
        foreach (var value in values)
            sum += (double)value * value;
        Norm = System.Math.Sqrt(sum);
    }

    public int[] Indices { get; }

    public float[] Values { get; }

    public double Norm { get; }

    public bool IsEmpty => Indices.Length == 0;

    /// <summary>Dot product with a dense vector that holds another sparse vector scattered into it.</summary>
    public double Dot(float[] dense)
    {
        double sum = 0;
        for (var i = 0; i < Indices.Length; i++)
            sum += (double)Values[i] * dense[Indices[i]];
        return sum;
    }

    public void ScatterInto(float[] dense)
    {
        for (var i = 0; i < Indices.Length; i++)
            dense[Indices[i]] = Values[i];
    }

    public void ClearFrom(float[] dense)
    {
        foreach (var index in Indices)
            dense[index] = 0;
    }

    /// <summary>Cosine similarity clamped to [0, 1] (rounding can step just outside); 0 when either vector is empty.</summary>
    public static double Cosine(double dot, SparseVector a, SparseVector b)
    {
        if (a.Norm == 0 || b.Norm == 0)
            return 0;
        return System.Math.Clamp(dot / (a.Norm * b.Norm), 0, 1);
    }
}
