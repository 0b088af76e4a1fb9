using Deliberation.Api.Infrastructure.RateLimiting;
using Deliberation.Api.Infrastructure.Security;
using Deliberation.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Deliberation.Api.Features.Account;

/// <summary>
/// Facilitator accounts: ASP.NET Core Identity's own endpoints (register, login with a cookie or a bearer token,
/// refresh, manage) plus sign-out and "who am I".
/// </summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/account")
            .WithTags("Facilitator account")
            .RequireRateLimiting(RateLimitSetup.AccountPolicy);
        group.MapIdentityApi<Facilitator>();
        group.MapPost("/logout", LogoutAsync).RequireAuthorization();
        group.MapGet("/me", GetMe).RequireAuthorization();
        return endpoints;
    }

    public sealed record FacilitatorView(string Id, string? Email);

    private static async Task<NoContent> LogoutAsync(SignInManager<Facilitator> signIn)
    {
        await signIn.SignOutAsync();
        return TypedResults.NoContent();
    }

    private static Ok<FacilitatorView> GetMe(HttpContext context) => TypedResults.Ok(new FacilitatorView(
        OwnedConversation.FacilitatorId(context.User),
        context.User.FindFirst(System.Security.Claims.ClaimTypes.Email)?.Value ?? context.User.Identity?.Name));
}
