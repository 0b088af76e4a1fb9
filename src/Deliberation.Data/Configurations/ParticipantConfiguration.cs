using Deliberation.Domain.Conversations;
using Deliberation.Domain.Participants;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Deliberation.Data.Configurations;

internal sealed class ParticipantConfiguration : IEntityTypeConfiguration<Participant>
{
    public void Configure(EntityTypeBuilder<Participant> builder)
    {
        builder.HasKey(p => p.Id);
        builder.HasOne<Conversation>().WithMany().HasForeignKey(p => p.ConversationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => new { p.ConversationId, p.Number }).IsUnique();
        builder.Property(p => p.ExternalId).HasMaxLength(Participant.MaxExternalIdLength);

        // NULLs are distinct in both providers' unique indexes, so anonymous participants never collide.
        builder.HasIndex(p => new { p.ConversationId, p.ExternalId }).IsUnique();
    }
}
