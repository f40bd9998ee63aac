using FollowUp.Web.Data;
using FollowUp.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace FollowUp.Web.Features.Account;

/// <summary>Account actions that are plain HTTP posts (cookies cannot be changed over a circuit).</summary>
public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        // The layout's sign-out button posts here with an antiforgery token (validated by UseAntiforgery).
        app.MapPost("/account/logout", async (SignInManager<AppUser> signIn, [FromForm] string? returnUrl) =>
        {
            await signIn.SignOutAsync();
            return Results.LocalRedirect(LocalizationSetup.SafeReturnUrl(returnUrl));
        }).RequireAuthorization();
    }
}
