using System.Net;
using System.Text.RegularExpressions;
using FollowUp.Web.Data;
using FollowUp.Web.Features.Today;
using FollowUp.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FollowUp.Web.Tests.Layout;

/// <summary>
/// The theme's stylesheet and the icon sprite are files the app builds at start: every page links the current
/// version, the browser may keep that version for a year (and revalidates any other), the dark palette is there
/// for systems in dark mode, and every icon a page uses exists in the sprite.
/// </summary>
public sealed partial class ThemeAndIconTests(FollowUpAppFactory app) : IClassFixture<FollowUpAppFactory>
{
    [Theory]
    [InlineData("/account/login")]
    [InlineData("/account/register")]
    public async Task Static_pages_link_the_current_theme_and_carry_no_inline_palette(string path)
    {
        using var client = app.CreateBrowserLikeClient();
        var page = await Forms.GetDocumentAsync(client, path);
        var href = page.QuerySelector("link[rel=stylesheet][href^='/theme.css?v=']")?.GetAttribute("href");
        Assert.NotNull(href);
        Assert.DoesNotContain("--mud-palette-primary", page.DocumentElement.OuterHtml, StringComparison.Ordinal);

        using var css = await client.GetAsync(new Uri(href, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
        Assert.Equal("public, max-age=31536000, immutable", css.Headers.CacheControl?.ToString());
        var text = await css.Content.ReadAsStringAsync();
        var dark = text.IndexOf("@media (prefers-color-scheme: dark)", StringComparison.Ordinal);
        Assert.True(dark > 0, "The stylesheet has a dark block after the light palette.");
        var lightPrimary = PrimaryColour().Match(text[..dark]);
        var darkPrimary = PrimaryColour().Match(text[dark..]);
        Assert.True(lightPrimary.Success && darkPrimary.Success);
        Assert.NotEqual(lightPrimary.Groups[1].Value, darkPrimary.Groups[1].Value);
    }

    [Fact]
    public async Task Another_version_is_served_but_revalidated_and_a_known_one_answers_304()
    {
        using var client = app.CreateBrowserLikeClient();
        using var old = await client.GetAsync(new Uri("/theme.css?v=000000000000", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);
        Assert.Equal("no-cache", old.Headers.CacheControl?.ToString());
        var etag = old.Headers.ETag;
        Assert.NotNull(etag);

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/icons.svg", UriKind.Relative));
        using var first = await client.SendAsync(request);
        using var again = new HttpRequestMessage(HttpMethod.Get, new Uri("/icons.svg", UriKind.Relative));
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var notModified = await client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
    }

    [Fact]
    public async Task Every_icon_on_today_is_a_symbol_of_the_sprite_and_drawn_by_reference()
    {
        using var client = app.CreateBrowserLikeClient();
        using (await Forms.RegisterAsync(client, "icons@example.jp", FollowUpAppFactory.Password)) { }
        var userId = await app.UserIdAsync("icons@example.jp");
        await new SampleData(app.Services.GetRequiredService<IDbContextFactory<FollowUpDbContext>>(), new TestCurrentUser(userId!), app.Clock,
                app.Services.GetRequiredService<FollowUp.Web.Features.Reminders.IApplicationChanged>())
            .AddAsync(japanese: true);

        var today = await Forms.GetDocumentAsync(client, "/");
        Assert.NotEmpty(today.QuerySelectorAll("[data-testid=today-card]"));
        var uses = today.QuerySelectorAll("svg use").Select(u => u.GetAttribute("href")!).ToList();
        Assert.NotEmpty(uses);
        Assert.All(today.QuerySelectorAll("[data-testid=next-step] svg"), svg => Assert.NotNull(svg.QuerySelector("use")));

        var sprite = await client.GetStringAsync(new Uri(uses[0].Split('#')[0], UriKind.Relative));
        var symbols = SymbolId().Matches(sprite).Select(m => m.Groups[1].Value).ToHashSet();
        Assert.All(uses, href =>
        {
            Assert.StartsWith("/icons.svg?v=", href, StringComparison.Ordinal);
            Assert.Contains(href.Split('#')[1], symbols);
        });
    }

    [GeneratedRegex(@"--mud-palette-primary:\s*([^;]+);")]
    private static partial Regex PrimaryColour();

    [GeneratedRegex("<symbol id=\"([^\"]+)\"")]
    private static partial Regex SymbolId();
}
