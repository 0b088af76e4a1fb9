namespace Deliberation.LoadTest;

/// <summary>What to simulate. Defaults give a short flat-out run against an in-process app on SQLite.</summary>
public sealed record LoadOptions
{
    public int Participants { get; init; } = 100;

    public int DurationSeconds { get; init; } = 30;

    /// <summary>A running app to load; when absent the app is hosted in this process on a loopback port.</summary>
    public Uri? Url { get; init; }

    /// <summary>In-process app on this PostgreSQL (a fresh database is created in it and dropped after).</summary>
    public string? Postgres { get; init; }

    /// <summary>Mean pause between a participant's votes in milliseconds; 0 votes flat out.</summary>
    public int PauseMs { get; init; }

    /// <summary>Share of participants who also write one statement.</summary>
    public double WriteShare { get; init; } = 0.02;

    public int Statements { get; init; } = 60;

    /// <summary>Votes cast before measuring starts, so that the conversation is already big.</summary>
    public int PreloadVotes { get; init; }

    /// <summary>Hub connections: one per participant by default; 0 measures HTTP only.</summary>
    public int? Connections { get; init; }

    public int WarmupSeconds { get; init; } = 3;

    public int Seed { get; init; } = 1;

    public bool Json { get; init; }

    public int HubConnections => Connections ?? Participants;
}
