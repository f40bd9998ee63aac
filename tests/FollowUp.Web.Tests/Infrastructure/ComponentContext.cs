using System.Globalization;
using System.Security.Claims;
using Bunit;
using FollowUp.Web.Infrastructure;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using MudBlazor;
using MudBlazor.Services;

namespace FollowUp.Web.Tests.Infrastructure;

/// <summary>
/// The shared context of the component tests (bunit): MudBlazor's services with bunit's script runtime, the app's
/// fake clock, and every other service from the real app (its SQLite file, its ja/en localizers) through a scope
/// of <see cref="FollowUpAppFactory"/>. Renders in Japanese unless <see cref="Culture"/> says otherwise.
/// </summary>
public abstract class ComponentContext : BunitContext, IDisposable
{
    private readonly AsyncServiceScope _appScope;
    private readonly CultureInfo _savedCulture = CultureInfo.CurrentCulture;
    private readonly CultureInfo _savedUiCulture = CultureInfo.CurrentUICulture;

    protected ComponentContext(FollowUpAppFactory app)
    {
        App = app ?? throw new ArgumentNullException(nameof(app));
        _appScope = app.Services.CreateAsyncScope();
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddTransient<MudLocalizer>(_ => new MudStrings(_appScope.ServiceProvider.GetRequiredService<IStringLocalizer<SharedResource>>()));
        Services.AddSingleton<TimeProvider>(app.Clock);
        Services.AddFallbackServiceProvider(_appScope.ServiceProvider);
        Culture("ja");
    }

    protected FollowUpAppFactory App { get; }

    /// <summary>
    /// Renders as <paramref name="userId"/>: the app's own services read the user from the authentication state, as
    /// a request sets it, and scope every query to them.
    /// </summary>
    protected void SignIn(string userId)
    {
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId)], "test"));
        var state = (IHostEnvironmentAuthenticationStateProvider)_appScope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        state.SetAuthenticationState(Task.FromResult(new AuthenticationState(user)));
    }

    /// <summary>A new user (<c>{prefix}-…@example.jp</c>), signed in (<see cref="SignIn"/>); returns their id.</summary>
    protected async Task<string> SignInNewUserAsync(string prefix)
    {
        var owner = await App.CreateUserAsync($"{prefix}-{Guid.NewGuid():N}@example.jp");
        SignIn(owner);
        return owner;
    }

    /// <summary>Renders in "ja" or "en" from now on (the components read the current culture, as the app's request does).</summary>
    protected static void Culture(string name)
    {
        var culture = CultureInfo.GetCultureInfo(name);
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
    }

    // MudBlazor's services only dispose asynchronously: xunit's synchronous Dispose runs the asynchronous one.
    void IDisposable.Dispose()
    {
        DisposeAsync().AsTask().GetAwaiter().GetResult();
        GC.SuppressFinalize(this);
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        await _appScope.DisposeAsync();
        CultureInfo.CurrentCulture = _savedCulture;
        CultureInfo.CurrentUICulture = _savedUiCulture;
    }
}
