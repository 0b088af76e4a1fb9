using Deliberation.Domain.Participants;
using Deliberation.Domain.Statements;
using Deliberation.Domain.Votes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Deliberation.Data.Configurations;

internal sealed class VoteConfiguration : IEntityTypeConfiguration<Vote>
{
    public void Configure(EntityTypeBuilder<Vote> builder)
    {
        // The key is the uniqueness rule: one current vote per participant and statement.
        builder.HasKey(v => new { v.ParticipantId, v.StatementId });
        builder.HasOne<Participant>().WithMany().HasForeignKey(v => v.ParticipantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Statement>().WithMany().HasForeignKey(v => v.StatementId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(v => v.Value).HasConversion<short>();
        builder.HasIndex(v => new { v.ConversationId, v.ParticipantId });
        builder.HasIndex(v => new { v.ConversationId, v.StatementId });
        builder.ToTable(t => t.HasCheckConstraint("ck_votes_value", "value IN (-1, 0, 1)"));
    }
}
