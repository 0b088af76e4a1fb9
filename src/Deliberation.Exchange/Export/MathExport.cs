using Deliberation.Math;

namespace Deliberation.Exchange.Export;

/// <summary>
/// A stored result speaks in database ids; an export speaks in the conversation's small numbers (participant,
/// comment-id). Rewrites every id of a result and restores the documented ascending orders.
/// </summary>
public static class MathExport
{
    public static MathResult ToExportIds(MathResult result, Func<long, long> participant, Func<long, long> statement)
    {
        long[] People(long[] ids) => [.. ids.Select(participant).Order()];

        return result with
        {
            InConv = People(result.InConv),
            Participants = [.. result.Participants.Select(p => p with { Id = participant(p.Id) }).OrderBy(p => p.Id)],
            BaseClusters = [.. result.BaseClusters.Select(b => b with { Members = People(b.Members) })],
            Groups =
            [
                .. result.Groups.Select(g => g with
                {
                    Members = People(g.Members),
                    Representative = [.. g.Representative.Select(r => r with { StatementId = statement(r.StatementId) })],
                }),
            ],
            MajorityAgree = [.. result.MajorityAgree.Select(c => c with { StatementId = statement(c.StatementId) })],
            MajorityDisagree = [.. result.MajorityDisagree.Select(c => c with { StatementId = statement(c.StatementId) })],
            Uncertainty = [.. result.Uncertainty.Select(u => u with { StatementId = statement(u.StatementId) })],
            Statements = [.. result.Statements.Select(st => st with { Id = statement(st.Id) }).OrderBy(st => st.Id)],
        };
    }
}
