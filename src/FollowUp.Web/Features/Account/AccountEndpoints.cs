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
        // The layout's sign-out button posts here with an antiforgery token (validated by UseAntiforgery). The session
        // ends on the server too, so a copy of this browser's cookie stops working; other browsers stay signed in.
        app.MapPost("/account/logout", async (HttpContext http, SignInManager<AppUser> signIn, Sessions sessions, [FromForm] string? returnUrl) =>
        {
            await sessions.EndAsync(SessionCookie.SessionOf(http.User), http.RequestAborted);
            await signIn.SignOutAsync();
            return Results.LocalRedirect(LocalizationSetup.SafeReturnUrl(returnUrl));
        }).RequireAuthorization();

        // "Sign out everywhere" on the account page: a new security stamp ends every cookie of the account, those from
        // before sessions were kept included, and the account's sessions are deleted.
        app.MapPost("/account/logout-everywhere", async (HttpContext http, UserManager<AppUser> users, SignInManager<AppUser> signIn, Sessions sessions) =>
        {
            if (await users.GetUserAsync(http.User) is { } user)
            {
                await users.UpdateSecurityStampAsync(user);
                await sessions.EndAllAsync(user.Id, http.RequestAborted);
            }
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/account/login");
        }).RequireAuthorization();
    }
}
