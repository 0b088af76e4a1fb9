namespace Deliberation.TextAnalysis;

/// <summary>An existing statement that resembles a query text.</summary>
/// <param name="Id">The statement's id.</param>
/// <param name="Score">Cosine similarity in [0, 1]; 1 means the same words and characters in the same proportions.</param>
public sealed record SimilarStatement(long Id, double Score);
