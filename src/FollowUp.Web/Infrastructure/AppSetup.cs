using FollowUp.Web.Components;
using FollowUp.Web.Features.Account;
using FollowUp.Web.Features.Applications;
using FollowUp.Web.Features.Operations;
using MudBlazor;
using MudBlazor.Services;

using FollowUp.Web.Components.Layout;

namespace FollowUp.Web.Infrastructure;

/// <summary>The rest of the composition root: logging, UI, features and the request pipeline.</summary>
public static class AppSetup
{
    public static WebApplicationBuilder AddFollowUpLogging(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Logging.ClearProviders();
        // Structured logs: JSON lines outside development, readable lines in it.
        if (builder.Environment.IsDevelopment())
        {
            builder.Logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss "; });
        }
        else
        {
            builder.Logging.AddJsonConsole(o => o.UseUtcTimestamp = true);
        }
        return builder;
    }

    public static WebApplicationBuilder AddFollowUpFeatures(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Configure<SnapshotCacheOptions>(builder.Configuration.GetSection("FollowUp:Performance"));
        builder.Services.AddSingleton<ApplicationSnapshots>();
        builder.Services.AddScoped<ApplicationService>();
        builder.Services.AddScoped<DateText>();
        builder.Services.AddScoped<Features.Profile.ProfileService>();
        builder.Services.AddScoped<Features.Profile.DefaultsService>();
        builder.Services.AddScoped<Features.Scripts.ScriptService>();
        builder.Services.AddScoped<Features.Today.SampleData>();
        builder.Services.AddScoped<Features.Today.TodayService>();
        builder.AddFollowUpOperations();
        return builder;
    }

    public static WebApplicationBuilder AddFollowUpUi(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddRazorComponents()
            .AddInteractiveServerComponents(o => o.DetailedErrors = builder.Environment.IsDevelopment());
        builder.Services.AddMudServices(o =>
        {
            // Toasts at the top: the phone's navigation bar sits at the bottom.
            o.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.TopCenter;
            o.SnackbarConfiguration.PreventDuplicates = false;
            o.SnackbarConfiguration.VisibleStateDuration = 6000;
            o.SnackbarConfiguration.ShowCloseIcon = true;
        });
        builder.Services.AddTransient<MudLocalizer, MudStrings>();
        // Japanese text is sent as UTF-8 characters instead of one &#x...; entity each (about 8 bytes and an
        // encoder call per character otherwise); markup characters are still escaped.
        builder.Services.AddSingleton(System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All));
        builder.Services.AddAntiforgery();
        return builder;
    }

    public static WebApplication UseFollowUpPipeline(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
            app.UseHsts();
        }
        // A scope of its own: a page that calls NavigationManager.NotFound() has already initialised the first one's.
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        // The request's language was set once, early, in UseFollowUpSecurity: error and status pages run after it.
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapFollowUpEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapStaticAssets();
        app.MapTextAsset(FollowUpTheme.StylesheetPath, () => FollowUpTheme.Stylesheet);
        app.MapTextAsset(IconSprite.Path, () => IconSprite.Asset);
        app.MapHealthChecks("/healthz").AllowAnonymous();
        app.MapCultureSwitch();
        app.MapAccountEndpoints();
        app.MapRazorComponents<App>()
            .AddInteractiveServerRenderMode();
        return app;
    }
}
