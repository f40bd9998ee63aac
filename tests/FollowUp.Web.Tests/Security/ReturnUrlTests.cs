using System.Net;
using FollowUp.Web.Tests.Infrastructure;

namespace FollowUp.Web.Tests.Security;

/// <summary>
/// Crafted return URLs (control characters, an ideographic space, a backslash after the slash) are answered with a
/// safe local redirect on every path that follows one: the language switcher, sign-out and sign-in. Never a 500.
/// </summary>
[Trait("Database", "Both")]
public sealed class ReturnUrlTests(FollowUpAppFactory app) : IClassFixture<FollowUpAppFactory>
{
    public static TheoryData<string> Crafted => new()
    {
        "/%09/evil.example",
        "/%0A/evil.example",
        "/%0D%0A/evil.example",
        "/%E3%80%80/evil.example",
        "/%20/evil.example",
        "/%5C/evil.example",
        "%09//evil.example",
    };

    [Theory]
    [MemberData(nameof(Crafted))]
    [InlineData("/%00")] // in a posted form ASP.NET Core's form reader refuses a NUL itself (400)
    public async Task The_language_switcher_redirects_home(string returnUrl)
    {
        using var client = app.CreateBrowserLikeClient();
        using var response = await client.GetAsync(new Uri("/culture/set?culture=en&returnUrl=" + returnUrl, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [MemberData(nameof(Crafted))]
    public async Task Sign_out_redirects_home(string returnUrl)
    {
        using var client = app.CreateBrowserLikeClient();
        using (var registered = await Forms.RegisterAsync(client, $"return-{Guid.NewGuid():N}@example.jp", FollowUpAppFactory.Password))
        {
            Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        }
        var page = await Forms.GetDocumentAsync(client, "/account/manage");
        var token = page.QuerySelector("form[action='/account/logout'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["returnUrl"] = Uri.UnescapeDataString(returnUrl),
        });
        using var response = await client.PostAsync(new Uri("/account/logout", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [MemberData(nameof(Crafted))]
    public async Task Sign_in_redirects_home(string returnUrl)
    {
        var email = $"signin-{Guid.NewGuid():N}@example.jp";
        await app.CreateUserAsync(email);
        using var client = app.CreateBrowserLikeClient();
        using var response = await Forms.SubmitAsync(client, "/account/login?ReturnUrl=" + returnUrl, "login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = FollowUpAppFactory.Password,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", Forms.RedirectTarget(response));
    }

    [Theory]
    [InlineData("/applications?page=2", "/applications?page=2")]
    [InlineData("/applications/3#next", "/applications/3#next")]
    [InlineData("/%E6%97%A5%E6%9C%AC", "/%E6%97%A5%E6%9C%AC")]
    public async Task Ordinary_local_paths_are_still_followed(string returnUrl, string expected)
    {
        using var client = app.CreateBrowserLikeClient();
        using var response = await client.GetAsync(new Uri("/culture/set?culture=en&returnUrl=" + Uri.EscapeDataString(returnUrl), UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location?.OriginalString);
    }
}
