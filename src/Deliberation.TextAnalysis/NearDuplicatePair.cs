namespace Deliberation.TextAnalysis;

/// <summary>Two statements of one conversation whose texts are nearly the same.</summary>
/// <param name="FirstId">The smaller of the two ids.</param>
/// <param name="SecondId">The larger of the two ids.</param>
/// <param name="Score">Cosine similarity in [0, 1].</param>
public sealed record NearDuplicatePair(long FirstId, long SecondId, double Score);
