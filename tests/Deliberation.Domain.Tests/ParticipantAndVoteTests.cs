using Deliberation.Domain.Common;
using Deliberation.Domain.Participants;
using Deliberation.Domain.Votes;

namespace Deliberation.Domain.Tests;

public class ParticipantAndVoteTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("   ", null)]
    [InlineData(" user-42 ", "user-42")]
    [InlineData("mail@example.org", "mail@example.org")]
    public void External_ids_are_trimmed_and_blank_means_none(string? input, string? expected) =>
        Assert.Equal(expected, Participant.Join(1, 0, input, Now).ExternalId);

    [Fact]
    public void External_ids_are_bounded_and_printable()
    {
        Participant.Join(1, 0, new string('x', 256), Now);
        Assert.Equal(DomainRule.InvalidExternalId, Assert.Throws<DomainRuleException>(() => Participant.Join(1, 0, new string('x', 257), Now)).Rule);
        Assert.Equal(DomainRule.InvalidExternalId, Assert.Throws<DomainRuleException>(() => Participant.Join(1, 0, "bad\u0001id", Now)).Rule);
    }

    [Theory]
    [InlineData(VoteValue.Agree)]
    [InlineData(VoteValue.Disagree)]
    [InlineData(VoteValue.Pass)]
    public void Agree_disagree_and_pass_are_votes(VoteValue value)
    {
        var vote = Vote.Cast(1, 2, 3, value, 10, Now);
        Assert.Equal(value, vote.Value);
        Assert.Equal(10, vote.LastEventId);
        Assert.Equal(value, VoteEvent.Record(1, 2, 3, value, Now).Value);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(-2)]
    [InlineData(100)]
    public void Anything_else_is_refused(short raw)
    {
        Assert.Equal(DomainRule.InvalidVoteValue, Assert.Throws<DomainRuleException>(() => Vote.Cast(1, 2, 3, (VoteValue)raw, 10, Now)).Rule);
        Assert.Equal(DomainRule.InvalidVoteValue, Assert.Throws<DomainRuleException>(() => VoteEvent.Record(1, 2, 3, (VoteValue)raw, Now)).Rule);
    }

    [Fact]
    public void Vote_signs_follow_the_export_convention() =>
        Assert.Equal((1, -1, 0), ((int)VoteValue.Agree, (int)VoteValue.Disagree, (int)VoteValue.Pass));

    [Fact]
    public void Times_are_kept_to_the_millisecond()
    {
        var time = new FixedTime(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero).AddTicks(12_345));
        Assert.Equal(new DateTimeOffset(2026, 1, 2, 3, 4, 5, 1, TimeSpan.Zero), time.UtcNowMs());
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
