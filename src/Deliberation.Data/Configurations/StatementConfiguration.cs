using Deliberation.Domain.Conversations;
using Deliberation.Domain.Participants;
using Deliberation.Domain.Statements;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Deliberation.Data.Configurations;

internal sealed class StatementConfiguration : IEntityTypeConfiguration<Statement>
{
    public void Configure(EntityTypeBuilder<Statement> builder)
    {
        builder.HasKey(s => s.Id);
        builder.HasOne<Conversation>().WithMany().HasForeignKey(s => s.ConversationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Participant>().WithMany().HasForeignKey(s => s.AuthorParticipantId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(s => new { s.ConversationId, s.Number }).IsUnique();
        builder.Property(s => s.Text).IsRequired();
        builder.Property(s => s.DuplicateKey).HasMaxLength(96).IsRequired();
        builder.HasIndex(s => new { s.ConversationId, s.DuplicateKey }).IsUnique();
        builder.Property(s => s.Moderation).HasConversion<short>();
        builder.HasIndex(s => new { s.ConversationId, s.Moderation });
        builder.ToTable(t => t.HasCheckConstraint("ck_statements_moderation", "moderation IN (-1, 0, 1)"));
    }
}
