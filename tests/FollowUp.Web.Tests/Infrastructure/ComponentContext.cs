using System.Globalization;
using Bunit;
using FollowUp.Web.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace FollowUp.Web.Tests.Infrastructure;

/// <summary>
/// The shared context of the component tests (bunit): MudBlazor's services with bunit's script runtime, the app's
/// fake clock, and every other service from the real app (its SQLite file, its ja/en localizers) through a scope
/// of <see cref="FollowUpAppFactory"/>. Renders in Japanese unless <see cref="Culture"/> says otherwise.
/// </summary>
public abstract class ComponentContext : BunitContext
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
        Services.AddTransient<MudLocalizer, MudStrings>();
        Services.AddSingleton<TimeProvider>(app.Clock);
        Services.AddFallbackServiceProvider(_appScope.ServiceProvider);
        Culture("ja");
    }

    protected FollowUpAppFactory App { get; }

    /// <summary>Renders as <paramref name="userId"/> (the services scope every query to them).</summary>
    protected void SignIn(string userId) => Services.AddSingleton<ICurrentUser>(new TestCurrentUser(userId));

    /// <summary>Renders in "ja" or "en" from now on (the components read the current culture, as the app's request does).</summary>
    protected static void Culture(string name)
    {
        var culture = CultureInfo.GetCultureInfo(name);
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            CultureInfo.CurrentCulture = _savedCulture;
            CultureInfo.CurrentUICulture = _savedUiCulture;
            _appScope.Dispose();
        }
        base.Dispose(disposing);
    }
}
