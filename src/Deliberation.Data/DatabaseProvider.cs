namespace Deliberation.Data;

public enum DatabaseProvider
{
    /// <summary>Embedded file database: runs with no setup; one app node.</summary>
    Sqlite,

    /// <summary>The production store, shared by several app nodes.</summary>
    Postgres,
}
