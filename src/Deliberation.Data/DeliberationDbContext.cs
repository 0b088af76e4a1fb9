using Deliberation.Domain.Conversations;
using Deliberation.Domain.Participants;
using Deliberation.Domain.Statements;
using Deliberation.Domain.Votes;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Data;

/// <summary>
/// The one store of the product. Abstract because each provider has its own derived context and its own
/// migrations (EF's documented pattern for several providers); code everywhere else uses this type.
/// </summary>
public abstract class DeliberationDbContext(DbContextOptions options)
    : IdentityDbContext<Facilitator>(options), IDataProtectionKeyContext
{
    public DbSet<Conversation> Conversations => Set<Conversation>();

    public DbSet<Participant> Participants => Set<Participant>();

    public DbSet<Statement> Statements => Set<Statement>();

    public DbSet<Vote> Votes => Set<Vote>();

    public DbSet<VoteEvent> VoteEvents => Set<VoteEvent>();

    public DbSet<Results.ConversationResult> ConversationResults => Set<Results.ConversationResult>();

    public DbSet<Results.MathSnapshot> MathSnapshots => Set<Results.MathSnapshot>();

    /// <summary>Shared key ring, so that several app nodes accept each other's sign-in and participant tokens.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public bool IsPostgres => Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL";

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(DeliberationDbContext).Assembly);
    }
}
