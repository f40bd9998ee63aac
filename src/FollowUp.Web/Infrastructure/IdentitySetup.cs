using System.Security.Claims;
using FollowUp.Web.Data;
using FollowUp.Web.Features.Account;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace FollowUp.Web.Infrastructure;

/// <summary>Accounts: ASP.NET Core Identity on the EF store, cookie sign-in, lockout, 10+ character passwords.</summary>
public static class IdentitySetup
{
    public static WebApplicationBuilder AddFollowUpIdentity(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingIdentityStateProvider>();
        services.AddScoped<ICurrentUser, CircuitCurrentUser>();

        services.AddAuthentication(o =>
        {
            o.DefaultScheme = IdentityConstants.ApplicationScheme;
            o.DefaultSignInScheme = IdentityConstants.ExternalScheme;
        }).AddIdentityCookies();

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/login";
            o.ExpireTimeSpan = TimeSpan.FromDays(14);
            o.SlidingExpiration = true;
            o.Cookie.Name = "followup.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            // Secure or not: SecuritySetup decides for every cookie.
            // Every cookie is a session checked on every request (ADR 0017), instead of Identity's stamp check every 30 minutes.
            o.Events.OnSigningIn = SessionCookie.SigningInAsync;
            o.Events.OnValidatePrincipal = SessionCookie.ValidatePrincipalAsync;
        });
        services.AddSingleton<Sessions>();
        services.AddMemoryCache();
        services.AddSingleton<DummyPasswordHash>();
        services.AddHttpContextAccessor();
        services.AddScoped<SignInService>();
        services.AddSingleton<SignInFailures>();
        services.AddScoped<AccountService>();

        services.AddIdentityCore<AppUser>(o =>
            {
                // Length over composition (NIST SP 800-63B): 10+ characters, no character-class rules.
                o.Password.RequiredLength = 10;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                // Failed sign-ins lock an email per client address in SignInService (ADR 0018), not the account.
                o.Lockout.AllowedForNewUsers = false;
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<FollowUpDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();

        services.AddAuthorization();
        return builder;
    }
}

/// <summary>
/// Re-checks a connected circuit's session every minute (the same check as every HTTP request: user, security stamp,
/// session), so a page left open ends soon after a password change, a sign-out elsewhere or the account's deletion.
/// One indexed query per open circuit and minute.
/// </summary>
internal sealed class RevalidatingIdentityStateProvider(
    ILoggerFactory loggerFactory,
    Sessions sessions,
    IOptions<IdentityOptions> options)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override async Task<bool> ValidateAuthenticationStateAsync(
        AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        var user = authenticationState.User;
        if (user.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId)
        {
            return false;
        }
        var stamp = user.FindFirstValue(options.Value.ClaimsIdentity.SecurityStampClaimType);
        return await sessions.CheckAsync(userId, SessionCookie.SessionOf(user), stamp, cancellationToken) != SessionState.Ended;
    }
}

/// <summary>Who is asking: services scope every query to this id.</summary>
public interface ICurrentUser
{
    /// <summary>The signed-in user's id; throws <see cref="UnauthorizedAccessException"/> when nobody is signed in.</summary>
    Task<string> IdAsync();
}

/// <summary>
/// The signed-in user of the current scope (request or circuit), read from the authentication state,
/// never from <c>HttpContext</c>.
/// </summary>
internal sealed class CircuitCurrentUser(AuthenticationStateProvider authState) : ICurrentUser
{
    private string? _id;

    public async Task<string> IdAsync()
    {
        if (_id is not null)
        {
            return _id;
        }
        var state = await authState.GetAuthenticationStateAsync();
        _id = state.User.FindFirstValue(ClaimTypes.NameIdentifier)
            ?? throw new UnauthorizedAccessException("Not signed in.");
        return _id;
    }
}
