using Deliberation.Data.Results;
using Deliberation.Domain.Conversations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Deliberation.Data.Configurations;

internal sealed class ConversationResultConfiguration : IEntityTypeConfiguration<ConversationResult>
{
    public void Configure(EntityTypeBuilder<ConversationResult> builder)
    {
        builder.HasKey(r => r.ConversationId);
        builder.Property(r => r.ConversationId).ValueGeneratedNever();

        // Two nodes may compute the same conversation: the update that finds the tick changed under it loses.
        builder.Property(r => r.Tick).IsConcurrencyToken();
        builder.HasOne<Conversation>().WithOne().HasForeignKey<ConversationResult>(r => r.ConversationId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(r => r.StatementsFingerprint).HasMaxLength(64);
    }
}

internal sealed class MathSnapshotConfiguration : IEntityTypeConfiguration<MathSnapshot>
{
    public void Configure(EntityTypeBuilder<MathSnapshot> builder)
    {
        builder.HasKey(s => s.Id);
        builder.HasOne<Conversation>().WithMany().HasForeignKey(s => s.ConversationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.ConversationId, s.Tick }).IsUnique();
        builder.Property(s => s.GroupSizes).HasMaxLength(200);
    }
}
