namespace Deliberation.Cli;

/// <summary>Process exit codes of every command.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int Usage = 2;
    public const int BadInput = 3;
}
