using Deliberation.Domain.Common;

namespace Deliberation.Api.Infrastructure.Problems;

internal static class DomainRuleProblems
{
    public static ProblemType TypeOf(DomainRule rule) => rule switch
    {
        DomainRule.ConversationClosed => ProblemType.ConversationClosed,
        DomainRule.WritingDisabled => ProblemType.WritingDisabled,
        DomainRule.StatementNotVotable => ProblemType.StatementNotVotable,
        _ => ProblemType.Validation,
    };
}
