namespace Deliberation.Cli;

/// <summary>Process exit codes of every command (documented in the README and in <c>deliberation --help</c>).</summary>
public static class ExitCodes
{
    /// <summary>Done.</summary>
    public const int Ok = 0;

    /// <summary>Something unexpected failed (the message says what).</summary>
    public const int Failure = 1;

    /// <summary>The command line is wrong: unknown command or option, missing or invalid argument.</summary>
    public const int Usage = 2;

    /// <summary>The input is unreadable or malformed: missing file, bad CSV (file:line:column in the message), damaged zip.</summary>
    public const int BadInput = 3;

    /// <summary>The conversation named is not in the database.</summary>
    public const int NotFound = 4;

    /// <summary>The database could not be reached or refused the work.</summary>
    public const int Database = 5;

    public const string Help = "Exit codes: 0 done, 1 unexpected failure, 2 bad command line, 3 bad input file (file:line:column), "
        + "4 conversation not found, 5 database error.";
}
