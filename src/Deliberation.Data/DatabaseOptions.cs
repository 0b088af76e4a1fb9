using System.ComponentModel.DataAnnotations;

namespace Deliberation.Data;

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    [Required(AllowEmptyStrings = false)]
    public string ConnectionString { get; set; } = "Data Source=data/deliberation.db";

    /// <summary>Apply pending migrations when the app starts (EF takes a lock, so several nodes may start together).</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>How participants' votes are grouped into commits on PostgreSQL (<c>VoteBatcher</c>).</summary>
    public VoteBatchOptions VoteBatch { get; set; } = new();
}

public sealed class VoteBatchOptions
{
    /// <summary>The most votes written in one statement and commit.</summary>
    [Range(1, 10_000)]
    public int MaxSize { get; set; } = 256;

    /// <summary>
    /// Batches written at the same time, each for its share of the participants: while one waits for its commit to reach
    /// the disk, another can start.
    /// </summary>
    [Range(1, 64)]
    public int Writers { get; set; } = 2;

    /// <summary>Votes waiting for one writer beyond this make new ones wait before queueing (back-pressure, not loss).</summary>
    [Range(1, 1_000_000)]
    public int QueueCapacity { get; set; } = 10_000;
}
