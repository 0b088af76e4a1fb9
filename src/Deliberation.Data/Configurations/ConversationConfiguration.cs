using Deliberation.Domain.Conversations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Deliberation.Data.Configurations;

internal sealed class ConversationConfiguration : IEntityTypeConfiguration<Conversation>
{
    public void Configure(EntityTypeBuilder<Conversation> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.PublicId).HasMaxLength(PublicId.Length).IsRequired();
        builder.HasIndex(c => c.PublicId).IsUnique();
        builder.Property(c => c.OwnerId).IsRequired();
        builder.HasOne<Facilitator>().WithMany().HasForeignKey(c => c.OwnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.OwnerId, c.CreatedAt });
        builder.Property(c => c.Topic).HasMaxLength(Conversation.MaxTopicLength).IsRequired();
        builder.Property(c => c.Description).IsRequired();
        builder.ComplexProperty(c => c.Settings);
        builder.ToTable(t => t.HasCheckConstraint(
            "ck_conversations_max_statement_length",
            $"settings_max_statement_length BETWEEN {ConversationSettings.MinStatementLengthLimit} AND {ConversationSettings.MaxStatementLengthLimit}"));
    }
}
