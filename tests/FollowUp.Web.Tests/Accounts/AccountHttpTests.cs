using System.Net;
using FollowUp.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FollowUp.Web.Tests.Accounts;

/// <summary>Health, sign-in gate and registration through the real static SSR form (antiforgery included).</summary>
public sealed class AccountHttpTests(FollowUpAppFactory app) : IClassFixture<FollowUpAppFactory>
{
    [Fact]
    public async Task Healthz_answers_200_when_the_database_is_reachable()
    {
        using var client = app.CreateBrowserLikeClient();
        using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
        // The database really lives in this test class's own folder.
        Assert.True(File.Exists(app.DatabasePath), $"No database at {app.DatabasePath}");
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/applications")]
    [InlineData("/applications/new")]
    [InlineData("/applications/1")]
    [InlineData("/account/manage")]
    public async Task Anonymous_request_for_a_private_page_is_sent_to_login(string path)
    {
        using var client = app.CreateBrowserLikeClient();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        var absolute = location.IsAbsoluteUri ? location : new Uri(new Uri("http://localhost"), location);
        Assert.Equal("/account/login", absolute.AbsolutePath);
    }

    [Fact]
    public async Task Registering_through_the_form_signs_in_and_the_cookie_opens_the_today_page()
    {
        using var client = app.CreateBrowserLikeClient();
        const string email = "register-ok@example.jp";

        using var posted = await Forms.RegisterAsync(client, email, FollowUpAppFactory.Password);

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Contains(posted.Headers.GetValues("Set-Cookie"), c => c.StartsWith("followup.auth=", StringComparison.Ordinal));
        Assert.NotNull(await app.UserIdAsync(email));
        await using (var db = app.CreateDbContext())
        {
            // The app's TimeProvider is the test's fake clock (the registration stamped its time).
            var user = await db.Users.SingleAsync(u => u.Email == email);
            Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, user.CreatedAtUtc);
            Assert.Equal("ja", user.Culture);
        }

        using var list = await client.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        var doc = await Forms.ParseAsync(list);
        Assert.Equal("今日やること", doc.QuerySelector("h1")?.TextContent.Trim());
        Assert.Contains("FollowUpへようこそ", doc.Body!.TextContent, StringComparison.Ordinal);

        using var manage = await client.GetAsync(new Uri("/account/manage", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, manage.StatusCode);
        Assert.Contains(email, await manage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_nine_character_password_shows_the_localized_error_beside_the_field_and_creates_no_user()
    {
        using var client = app.CreateBrowserLikeClient();
        const string email = "short-password@example.jp";
        var usersBefore = (await app.CountRowsAsync()).Users;

        using var posted = await Forms.RegisterAsync(client, email, "123456789");

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.DoesNotContain(posted.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [],
            c => c.StartsWith("followup.auth=", StringComparison.Ordinal));
        var doc = await Forms.ParseAsync(posted);
        var field = doc.QuerySelector("#password")?.Closest(".fu-field");
        Assert.NotNull(field);
        var message = field!.QuerySelector(".validation-message");
        Assert.NotNull(message);
        Assert.Equal("10文字以上にしてください。", message!.TextContent.Trim());
        // Only the password is wrong: no message beside the email.
        Assert.Null(doc.QuerySelector("#email")!.Closest(".fu-field")!.QuerySelector(".validation-message"));

        Assert.Null(await app.UserIdAsync(email));
        Assert.Equal(usersBefore, (await app.CountRowsAsync()).Users);
        await using var db = app.CreateDbContext();
        Assert.False(await db.Users.AnyAsync(u => u.Email == email));
    }

    [Fact]
    public async Task A_nine_character_password_gets_the_english_message_when_the_browser_asks_for_english()
    {
        using var client = app.CreateBrowserLikeClient("en-US,en;q=0.9");
        using var posted = await Forms.RegisterAsync(client, "short-en@example.jp", "abcdefghi");
        var doc = await Forms.ParseAsync(posted);
        var message = doc.QuerySelector("#password")!.Closest(".fu-field")!.QuerySelector(".validation-message");
        Assert.Equal("Use at least 10 characters.", message?.TextContent.Trim());
        Assert.Null(await app.UserIdAsync("short-en@example.jp"));
    }

    [Fact]
    public async Task Register_form_without_the_antiforgery_token_is_rejected()
    {
        using var client = app.CreateBrowserLikeClient();
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "register",
            ["Input.Email"] = "no-token@example.jp",
            ["Input.Password"] = FollowUpAppFactory.Password,
            ["Input.ConfirmPassword"] = FollowUpAppFactory.Password,
        });
        using var response = await client.PostAsync(new Uri("/account/register", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(await app.UserIdAsync("no-token@example.jp"));
    }
}
