using Deliberation.Domain.Participants;
using Deliberation.Domain.Statements;
using Deliberation.Domain.Votes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Deliberation.Data.Configurations;

internal sealed class VoteEventConfiguration : IEntityTypeConfiguration<VoteEvent>
{
    public void Configure(EntityTypeBuilder<VoteEvent> builder)
    {
        builder.HasKey(e => e.Id);
        builder.HasOne<Participant>().WithMany().HasForeignKey(e => e.ParticipantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Statement>().WithMany().HasForeignKey(e => e.StatementId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(e => e.Value).HasConversion<short>();

        // History is read per conversation in id order (exports, replay, "votes since the last result").
        builder.HasIndex(e => new { e.ConversationId, e.Id });
        builder.ToTable(t => t.HasCheckConstraint("ck_vote_events_value", "value IN (-1, 0, 1)"));
    }
}
