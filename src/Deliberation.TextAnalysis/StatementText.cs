namespace Deliberation.TextAnalysis;

/// <summary>A statement as the text analysis sees it: its id in the conversation and its text.</summary>
/// <param name="Id">The statement's id; unique within one index or topic model run.</param>
/// <param name="Text">The statement's text, in any language; null is treated as empty.</param>
public readonly record struct StatementText(long Id, string Text);
