using System.Security.Cryptography;

namespace Deliberation.Domain.Conversations;

/// <summary>
/// The id a conversation is known by outside: short enough for a URL or a QR code, unguessable (12 base-62
/// characters, about 71 bits), so that listing or probing conversations is not practical.
/// </summary>
public static class PublicId
{
    public const int Length = 12;
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    public static string New() => RandomNumberGenerator.GetString(Alphabet, Length);

    /// <summary>True when the text could be a public id; lets the API refuse junk before touching the database.</summary>
    public static bool IsWellFormed(string? value) =>
        value is { Length: Length } && value.All(c => char.IsAsciiLetterOrDigit(c));
}
