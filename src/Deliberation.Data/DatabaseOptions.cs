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
}
