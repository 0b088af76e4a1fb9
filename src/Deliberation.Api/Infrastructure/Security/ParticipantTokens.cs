using System.Buffers.Binary;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace Deliberation.Api.Infrastructure.Security;

/// <summary>
/// Participant tokens are signed and encrypted with the shared data-protection key ring rather than stored: any app
/// node can check one without a database read, a person may hold several (phone and laptop), and a token names
/// exactly one participant of exactly one conversation.
/// </summary>
public sealed class ParticipantTokens(IDataProtectionProvider protection)
{
    /// <summary>Distinguishes our tokens from sign-in bearer tokens in the same Authorization header.</summary>
    public const string Prefix = "dp.";

    private readonly IDataProtector protector = protection.CreateProtector("Deliberation.ParticipantToken.v1");

    public string Issue(long conversationId, long participantId)
    {
        Span<byte> payload = stackalloc byte[16];
        BinaryPrimitives.WriteInt64BigEndian(payload, conversationId);
        BinaryPrimitives.WriteInt64BigEndian(payload[8..], participantId);
        return Prefix + WebEncoders.Base64UrlEncode(protector.Protect(payload.ToArray()));
    }

    /// <summary>The (conversation, participant) a token names, or null when it is not one of ours.</summary>
    public (long ConversationId, long ParticipantId)? Read(string? token)
    {
        if (token is null || !token.StartsWith(Prefix, StringComparison.Ordinal) || token.Length > 512)
        {
            return null;
        }

        try
        {
            var payload = protector.Unprotect(WebEncoders.Base64UrlDecode(token, Prefix.Length, token.Length - Prefix.Length));
            return payload.Length == 16
                ? (BinaryPrimitives.ReadInt64BigEndian(payload), BinaryPrimitives.ReadInt64BigEndian(payload.AsSpan(8)))
                : null;
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return null;
        }
    }

    /// <summary>
    /// The token of a request, read once per request however many parts of the pipeline ask (the rate limiter and
    /// the endpoint both do).
    /// </summary>
    public (long ConversationId, long ParticipantId)? ReadRequest(HttpContext context, string conversationPublicId)
    {
        var key = (typeof(ParticipantTokens), conversationPublicId);
        if (context.Items.TryGetValue(key, out var cached))
        {
            return ((long, long)?)cached;
        }

        var claim = Read(FromRequest(context.Request, conversationPublicId));
        context.Items[key] = claim;
        return claim;
    }

    public static string CookieName(string conversationPublicId) => "dlb_p_" + conversationPublicId;

    /// <summary>The raw token of a request: the bearer header wins over the cookie, as an API client means it.</summary>
    public static string? FromRequest(HttpRequest request, string conversationPublicId)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer " + Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return header["Bearer ".Length..].Trim();
        }

        return request.Cookies.TryGetValue(CookieName(conversationPublicId), out var cookie) ? cookie : null;
    }
}
