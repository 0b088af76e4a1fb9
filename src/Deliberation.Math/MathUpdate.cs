namespace Deliberation.Math;

/// <summary>The result to show and the state to keep for the next update.</summary>
public sealed record MathUpdate(MathResult Result, MathState State);
