namespace Deliberation.Domain.Votes;

/// <summary>Signs as in Polis exports (agree = 1); Polis's internal storage uses the opposite sign.</summary>
public enum VoteValue : short
{
    Disagree = -1,
    Pass = 0,
    Agree = 1,
}
