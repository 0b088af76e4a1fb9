using Microsoft.AspNetCore.Identity;

namespace Deliberation.Data;

/// <summary>A facilitator's account (ASP.NET Core Identity); owns conversations.</summary>
public sealed class Facilitator : IdentityUser;
