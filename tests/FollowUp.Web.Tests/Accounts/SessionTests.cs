using System.Net;
using FollowUp.Web.Tests.Infrastructure;

namespace FollowUp.Web.Tests.Accounts;

/// <summary>
/// A session ends when it should, on every device, at the next request: after a password change elsewhere, after
/// signing out (a copy of the cookie is dead too), after "sign out everywhere", and after the account is deleted
/// (its cookie is signed out, never a 500).
/// </summary>
[Trait("Database", "Both")]
public sealed class SessionTests(FollowUpAppFactory app) : IClassFixture<FollowUpAppFactory>
{
    private const string NewPassword = "a brand new passphrase";

    // Pages and downloads that read the user's data.
    private static readonly string[] Private = ["/account/export.json", "/account/export.csv", "/", "/profile", "/account/manage", "/reminders"];

    [Fact]
    public async Task A_password_change_in_one_browser_ends_the_sessions_of_the_others()
    {
        var email = Email();
        using var laptop = await RegisteredAsync(email);
        using var phone = await SignedInAsync(email, FollowUpAppFactory.Password);
        await AssertOpenAsync(phone);

        using (var changed = await Forms.SubmitAsync(laptop, "/account/manage", "change-password", new Dictionary<string, string>
               {
                   ["Password.CurrentPassword"] = FollowUpAppFactory.Password,
                   ["Password.NewPassword"] = NewPassword,
                   ["Password.ConfirmPassword"] = NewPassword,
               }))
        {
            Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        }

        await AssertSignedOutAsync(phone);
        await AssertOpenAsync(laptop); // the browser that changed it stays signed in
    }

    [Fact]
    public async Task A_copy_of_the_cookie_made_before_signing_out_no_longer_works()
    {
        var email = Email();
        using var browser = await RegisteredAsync(email);
        var saved = AuthCookie(browser);

        using (var signedOut = await PostAsync(browser, "/account/manage", "/account/logout"))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        }

        using var replay = WithCookie(saved);
        await AssertSignedOutAsync(replay);
    }

    [Fact]
    public async Task Signing_out_of_one_browser_leaves_the_others_signed_in()
    {
        var email = Email();
        using var laptop = await RegisteredAsync(email);
        using var phone = await SignedInAsync(email, FollowUpAppFactory.Password);

        using (var signedOut = await PostAsync(laptop, "/account/manage", "/account/logout"))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        }

        await AssertOpenAsync(phone);
    }

    [Fact]
    public async Task Sign_out_everywhere_ends_every_session_of_the_account_and_no_other()
    {
        var email = Email();
        using var laptop = await RegisteredAsync(email);
        using var phone = await SignedInAsync(email, FollowUpAppFactory.Password);
        var laptopCookie = AuthCookie(laptop);
        using var someoneElse = await RegisteredAsync(Email());

        var manage = await Forms.GetDocumentAsync(laptop, "/account/manage");
        Assert.NotNull(manage.QuerySelector("form[action='/account/logout-everywhere'] button"));
        using (var everywhere = await PostAsync(laptop, "/account/manage", "/account/logout-everywhere"))
        {
            Assert.Equal(HttpStatusCode.Redirect, everywhere.StatusCode);
            Assert.StartsWith("/account/login", Forms.RedirectTarget(everywhere), StringComparison.Ordinal);
        }

        await AssertSignedOutAsync(phone);
        using var replay = WithCookie(laptopCookie);
        await AssertSignedOutAsync(replay);
        await AssertOpenAsync(someoneElse);
        // The password still works: signing in again starts a new session.
        using var again = await SignedInAsync(email, FollowUpAppFactory.Password);
        await AssertOpenAsync(again);
    }

    [Fact]
    public async Task A_deleted_accounts_cookie_is_signed_out_everywhere_without_an_error()
    {
        var email = Email();
        using var laptop = await RegisteredAsync(email);
        using var phone = await SignedInAsync(email, FollowUpAppFactory.Password);
        var laptopCookie = AuthCookie(laptop);

        using (var deleted = await Forms.SubmitAsync(laptop, "/account/manage", "delete-account",
                   new Dictionary<string, string> { ["Delete.Password"] = FollowUpAppFactory.Password }))
        {
            Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        }

        await AssertSignedOutAsync(phone);
        using var replay = WithCookie(laptopCookie);
        await AssertSignedOutAsync(replay);
    }

    /// <summary>Every private address sends the client to sign in, and the dead cookie is removed.</summary>
    private static async Task AssertSignedOutAsync(HttpClient client)
    {
        foreach (var path in Private)
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{path}: {(int)response.StatusCode}");
            Assert.StartsWith("/account/login", Forms.RedirectTarget(response), StringComparison.Ordinal);
        }
        using var again = await client.GetAsync(new Uri("/account/export.json", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
    }

    private static async Task AssertOpenAsync(HttpClient client)
    {
        foreach (var path in Private)
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
        }
    }

    /// <summary>Posts a layout form (sign-out, sign out everywhere) with the antiforgery token of <paramref name="page"/>.</summary>
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string page, string action)
    {
        var doc = await Forms.GetDocumentAsync(client, page);
        var token = doc.QuerySelector($"form[action='{action}'] input[name=__RequestVerificationToken]")?.GetAttribute("value");
        Assert.True(token is not null, $"no form posting to {action} on {page}");
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token!, ["returnUrl"] = "/" });
        return await client.PostAsync(new Uri(action, UriKind.Relative), content);
    }

    /// <summary>The auth cookie the client got when it signed in, as one would copy it out of a browser.</summary>
    private string AuthCookie(HttpClient client) => _cookies[client];

    private readonly Dictionary<HttpClient, string> _cookies = [];

    private HttpClient WithCookie(string value)
    {
        var client = app.CreateBrowserLikeClient();
        client.DefaultRequestHeaders.Add("Cookie", "followup.auth=" + value);
        return client;
    }

    private async Task<HttpClient> RegisteredAsync(string email)
    {
        var client = app.CreateBrowserLikeClient();
        using var registered = await Forms.RegisterAsync(client, email, FollowUpAppFactory.Password);
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        Remember(client, registered);
        return client;
    }

    private async Task<HttpClient> SignedInAsync(string email, string password)
    {
        var client = app.CreateBrowserLikeClient();
        using var signedIn = await Forms.SubmitAsync(client, "/account/login", "login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Remember(client, signedIn);
        return client;
    }

    private void Remember(HttpClient client, HttpResponseMessage signedIn)
    {
        var cookie = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("followup.auth=", StringComparison.Ordinal));
        _cookies[client] = cookie.Split(';')[0]["followup.auth=".Length..];
    }

    private static string Email() => $"session-{Guid.NewGuid():N}@example.jp";
}
