using System.Security.Cryptography;
using Deliberation.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Cli.Database;

/// <summary>
/// The facilitator account that owns what the command line imports: found by e-mail, or created with a random password
/// (printed once, to standard error) so that the person can sign in to the web console and change it.
/// </summary>
internal static class Facilitators
{
    public const string DefaultImporter = "importer@deliberation.local";

    public static async Task<Facilitator> FindOrCreateAsync(DeliberationDbContext db, string email, TextWriter error, CancellationToken cancellationToken)
    {
        string normalized = email.Trim().ToUpperInvariant();
        var existing = await db.Users.FirstOrDefaultAsync(u => u.NormalizedEmail == normalized, cancellationToken);
        if (existing is not null)
        {
            return existing;
        }

        if (!email.Contains('@', StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{email}' is not an e-mail address.");
        }

        var user = new Facilitator
        {
            UserName = email.Trim(),
            NormalizedUserName = normalized,
            Email = email.Trim(),
            NormalizedEmail = normalized,
            SecurityStamp = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)),
            ConcurrencyStamp = Guid.NewGuid().ToString(),
            LockoutEnabled = true,
        };

        // Meets the app's rules (length, upper, lower, digit, symbol).
        string password = "Dl-" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(15)).Replace('/', 'x').Replace('+', 'y') + "7a";
        user.PasswordHash = new PasswordHasher<Facilitator>().HashPassword(user, password);
        db.Users.Add(user);
        await db.SaveChangesAsync(cancellationToken);
        await error.WriteLineAsync($"Created facilitator account {user.Email} with password {password} (sign in and change it).");
        return user;
    }
}
