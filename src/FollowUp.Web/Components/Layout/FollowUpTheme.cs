using System.Text;
using System.Text.RegularExpressions;
using FollowUp.Web.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.JSInterop;
using MudBlazor;
using MudBlazor.Services;

namespace FollowUp.Web.Components.Layout;

/// <summary>
/// FollowUp's MudBlazor theme: the brand indigo, a teal for secondary actions, Japanese-first system fonts (nothing
/// is fetched from another origin), light and dark palettes whose text contrast passes WCAG AA.
/// </summary>
public static partial class FollowUpTheme
{
    private static readonly string[] Fonts =
        ["Noto Sans JP", "Hiragino Sans", "Hiragino Kaku Gothic ProN", "Yu Gothic UI", "Meiryo", "system-ui", "-apple-system", "Segoe UI", "Roboto", "sans-serif"];

    /// <summary>The theme every page renders with.</summary>
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#3949ab",
            Secondary = "#00695c",
            Tertiary = "#6a1b9a",
            Info = "#1565c0",
            Success = "#1b5e20",
            Warning = "#8a4b00",
            Error = "#b3261e",
            Background = "#f6f7fb",
            Surface = "#ffffff",
            AppbarBackground = "#3949ab",
            AppbarText = "#ffffff",
            TextPrimary = "#1c1f26",
            TextSecondary = "#4a4f5c",
            ActionDefault = "#4a4f5c",
            LinesDefault = "#c5c9d6",
            DrawerBackground = "#ffffff",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#aab4f2",
            PrimaryContrastText = "#10143a",
            Secondary = "#7fd3c6",
            SecondaryContrastText = "#00251f",
            Tertiary = "#d6a6f0",
            Info = "#90caf9",
            Success = "#9ed79f",
            Warning = "#ffcc80",
            Error = "#ffb4ab",
            ErrorContrastText = "#690005",
            Background = "#121318",
            Surface = "#1d1f27",
            AppbarBackground = "#1d1f27",
            AppbarText = "#e6e8ef",
            TextPrimary = "#e6e8ef",
            TextSecondary = "#c2c6d3",
            ActionDefault = "#c2c6d3",
            LinesDefault = "#474b57",
            DrawerBackground = "#1d1f27",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = Fonts, LineHeight = "1.6" },
            Button = new ButtonTypography { FontFamily = Fonts, TextTransform = "none", FontWeight = "600" },
            H1 = new H1Typography { FontFamily = Fonts, FontSize = "1.5rem", FontWeight = "700", LineHeight = "1.35" },
            H2 = new H2Typography { FontFamily = Fonts, FontSize = "1.15rem", FontWeight = "700", LineHeight = "1.4" },
            H3 = new H3Typography { FontFamily = Fonts, FontSize = "1.05rem", FontWeight = "700", LineHeight = "1.4" },
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "8px", AppbarHeight = "56px" },
    };

    /// <summary>The path the theme's stylesheet is served at.</summary>
    public const string StylesheetPath = "/theme.css";

    /// <summary>
    /// The theme as a stylesheet, linked from every page's head: what <see cref="MudThemeProvider"/> writes for the
    /// light palette, then the dark palette's custom properties inside <c>@media (prefers-color-scheme: dark)</c>,
    /// so pages follow the system setting from the first paint, static pages included, with no script and no
    /// flash of the light theme. Both are taken from MudThemeProvider's own output once at start-up, so they
    /// cannot drift from what MudBlazor expects; as a file (<see cref="TextAsset"/>) the browser caches them
    /// instead of receiving 17 KB of variables inside every page.
    /// </summary>
    public static TextAsset Stylesheet => s_stylesheet.Value;

    // Lazy, not a static initializer: building it renders a component on another thread, which reads Theme, and a
    // type initializer waiting on that thread would wait on itself.
    private static readonly Lazy<TextAsset> s_stylesheet = new(BuildStylesheet);

    private static TextAsset BuildStylesheet() => Task.Run(async () =>
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddMudServices();
        services.AddSingleton<IJSRuntime, NoScript>(); // rendered to text: no script ever runs
        await using var provider = services.BuildServiceProvider();
        await using var renderer = new HtmlRenderer(provider, provider.GetRequiredService<ILoggerFactory>());
        var light = await RenderAsync(renderer, dark: false);
        var dark = await RenderAsync(renderer, dark: true);
        var css = new StringBuilder();
        foreach (Match style in StyleElement().Matches(light))
        {
            css.Append(style.Groups[1].Value.Trim()).Append('\n');
        }
        var palette = dark.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("--mud-palette-", StringComparison.Ordinal));
        css.Append("@media (prefers-color-scheme: dark) {\n:root {\n").AppendJoin('\n', palette).Append("\ncolor-scheme: dark;\n}\n}\n");
        return new TextAsset(StylesheetPath, css.ToString(), "text/css");
    }).GetAwaiter().GetResult();

    private static Task<string> RenderAsync(HtmlRenderer renderer, bool dark) => renderer.Dispatcher.InvokeAsync(async () =>
    {
        var output = await renderer.RenderComponentAsync<MudThemeProvider>(ParameterView.FromDictionary(
            new Dictionary<string, object?> { [nameof(MudThemeProvider.Theme)] = Theme, [nameof(MudThemeProvider.IsDarkMode)] = dark }));
        return output.ToHtmlString();
    });

    [GeneratedRegex("<style[^>]*>(.*?)</style>", RegexOptions.Singleline)]
    private static partial Regex StyleElement();

    private sealed class NoScript : IJSRuntime
    {
        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args) => ValueTask.FromResult(default(TValue)!);

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args) =>
            ValueTask.FromResult(default(TValue)!);
    }
}
