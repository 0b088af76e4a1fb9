namespace Deliberation.Cli.Synthesis;

/// <summary>Shape of a synthetic conversation (defaults: a mid-sized, clearly split room).</summary>
public sealed record SynthSettings
{
    public int Participants { get; init; } = 500;

    public int Statements { get; init; } = 80;

    /// <summary>Target number of (participant, statement) pairs voted; the result lands within a few percent.</summary>
    public int Votes { get; init; } = 15_000;

    public int Groups { get; init; } = 3;

    /// <summary>0: groups vote alike; 1: on divisive statements groups always take their side.</summary>
    public double Separation { get; init; } = 0.8;

    public int Seed { get; init; } = 1;

    /// <summary>Share of statements a moderator rejected.</summary>
    public double RejectedShare { get; init; } = 0.05;

    /// <summary>Share of votes that were changed later (an earlier, different event precedes the latest one).</summary>
    public double ChangedVoteShare { get; init; } = 0.01;
}
