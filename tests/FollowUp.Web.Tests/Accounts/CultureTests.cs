using System.Net;
using Microsoft.EntityFrameworkCore;
using FollowUp.Web.Tests.Infrastructure;

namespace FollowUp.Web.Tests.Accounts;

/// <summary>
/// Japanese by default; English by Accept-Language or by the switcher; the switcher only redirects locally and,
/// signed in, saves the choice as the account's language.
/// </summary>
[Trait("Database", "Both")]
public sealed class CultureTests(FollowUpAppFactory app) : IClassFixture<FollowUpAppFactory>
{
    [Fact]
    public async Task Pages_are_japanese_without_any_language_preference()
    {
        using var client = app.CreateBrowserLikeClient();
        var doc = await Forms.GetDocumentAsync(client, "/account/login");
        Assert.Equal("ja", doc.DocumentElement.GetAttribute("lang"));
        Assert.Equal("ログイン", doc.QuerySelector("h1")?.TextContent.Trim());
    }

    [Theory]
    [InlineData("en-US,en;q=0.9", "en", "Sign in")]
    [InlineData("en", "en", "Sign in")]
    [InlineData("ja-JP,ja;q=0.9,en;q=0.5", "ja", "ログイン")]
    [InlineData("fr-FR,fr;q=0.9", "ja", "ログイン")]
    public async Task Accept_language_picks_the_language(string acceptLanguage, string lang, string title)
    {
        using var client = app.CreateBrowserLikeClient(acceptLanguage);
        var doc = await Forms.GetDocumentAsync(client, "/account/login");
        Assert.Equal(lang, doc.DocumentElement.GetAttribute("lang"));
        Assert.Equal(title, doc.QuerySelector("h1")?.TextContent.Trim());
    }

    [Fact]
    public async Task The_switcher_sets_a_cookie_that_wins_over_accept_language()
    {
        using var client = app.CreateBrowserLikeClient("ja-JP");
        using var switched = await client.GetAsync(new Uri("/culture/set?culture=en&returnUrl=/account/login", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/account/login", switched.Headers.Location?.OriginalString);

        var doc = await Forms.GetDocumentAsync(client, "/account/login");
        Assert.Equal("en", doc.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Sign in", doc.QuerySelector("h1")?.TextContent.Trim());
    }

    [Fact]
    public async Task Signed_in_the_switcher_also_sets_the_language_of_reminder_emails()
    {
        using var alice = app.CreateBrowserLikeClient("ja-JP");
        using var bob = app.CreateBrowserLikeClient("ja-JP");
        using (await Forms.RegisterAsync(alice, "culture-alice@example.jp", FollowUpAppFactory.Password)) { }
        using (await Forms.RegisterAsync(bob, "culture-bob@example.jp", FollowUpAppFactory.Password)) { }

        using var switched = await alice.GetAsync(new Uri("/culture/set?culture=en&returnUrl=/profile", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);

        Assert.Equal("en", await CultureOfAsync("culture-alice@example.jp"));
        Assert.Equal("ja", await CultureOfAsync("culture-bob@example.jp"));
        var profile = await Forms.GetDocumentAsync(alice, "/profile");
        Assert.Equal("en", profile.DocumentElement.GetAttribute("lang"));

        using var back = await alice.GetAsync(new Uri("/culture/set?culture=ja&returnUrl=/", UriKind.Relative));
        Assert.Equal("ja", await CultureOfAsync("culture-alice@example.jp"));
    }

    private async Task<string?> CultureOfAsync(string email)
    {
        await using var db = app.CreateDbContext();
        return await db.Users.Where(u => u.Email == email).Select(u => u.Culture).SingleAsync();
    }

    [Theory]
    [InlineData("//evil.example")]
    [InlineData("//evil.example/path")]
    [InlineData("/\\evil.example")]
    [InlineData("https://evil.example/")]
    [InlineData("http:evil.example")]
    [InlineData("")]
    public async Task The_switcher_never_redirects_off_site(string returnUrl)
    {
        using var client = app.CreateBrowserLikeClient();
        using var response = await client.GetAsync(new Uri(
            "/culture/set?culture=en&returnUrl=" + Uri.EscapeDataString(returnUrl), UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }
}
