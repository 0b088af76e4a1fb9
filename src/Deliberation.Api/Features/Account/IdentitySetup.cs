using Deliberation.Api.Features.Live;
using Deliberation.Api.Infrastructure.Security;
using Deliberation.Data;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;

namespace Deliberation.Api.Features.Account;

public static class IdentitySetup
{
    /// <summary>
    /// Cookie (for the web console) or bearer token (for scripts) sign-in, stored in the app's database. API calls get
    /// 401/403 problem responses, never a redirect to a login page.
    /// </summary>
    public static IServiceCollection AddFacilitatorAccounts(this IServiceCollection services)
    {
        services.AddAuthorization();
        services.AddIdentityApiEndpoints<Facilitator>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 8;
                options.Lockout.MaxFailedAccessAttempts = 10;
            })
            .AddEntityFrameworkStores<DeliberationDbContext>();
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = "dlb_facilitator";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.Events.OnRedirectToLogin = context => Status(context.Response, StatusCodes.Status401Unauthorized);
            cookie.Events.OnRedirectToAccessDenied = context => Status(context.Response, StatusCodes.Status403Forbidden);
        });
        // One handler for the sign-in bearer scheme's token lookup (a second Configure would replace it, not add to it).
        services.Configure<BearerTokenOptions>(IdentityConstants.BearerScheme, bearer => bearer.Events.OnMessageReceived = context =>
        {
            var request = context.Request;
            if (request.Headers.Authorization.ToString().StartsWith("Bearer " + ParticipantTokens.Prefix, StringComparison.OrdinalIgnoreCase))
            {
                // Participant tokens travel in the same header. Handed to the sign-in handler, each one would fail to
                // decode with an exception: on every vote. They are never a facilitator's, so skip them.
                context.NoResult();
            }
            else if (request.Path.StartsWithSegments(DeliberationHub.Path) && request.Query["access_token"] is [{ Length: > 0 } token])
            {
                // Browsers' WebSockets cannot send an Authorization header: facilitators' bearer tokens come in the query there.
                context.Token = token;
            }

            return Task.CompletedTask;
        });
        return services;
    }

    private static Task Status(HttpResponse response, int status)
    {
        response.StatusCode = status;
        return Task.CompletedTask;
    }
}
