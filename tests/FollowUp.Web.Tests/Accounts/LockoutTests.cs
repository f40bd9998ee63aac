using System.Net;
using FollowUp.Web.Tests.Infrastructure;

namespace FollowUp.Web.Tests.Accounts;

/// <summary>
/// Failed sign-ins lock an account for one address only (ADR 0018): someone who knows an email and fails five times
/// from their address cannot keep its owner out, who signs in from anywhere else with the right password. Unknown
/// emails lock the same way, so the lockout says nothing about who has an account. The real app behind a loopback
/// proxy gives each client its own address.
/// </summary>
public sealed class LockoutTests(AppServerFixture fixture) : IClassFixture<AppServerFixture>
{
    private const string Attacker = "203.0.113.50";
    private const string Owner = "198.51.100.60";

    [Fact]
    public async Task Five_failures_lock_the_account_for_that_address_only()
    {
        var email = $"victim-{Guid.NewGuid():N}@example.jp";
        using (var owner = Client(Owner))
        {
            using var registered = await Forms.RegisterAsync(owner, email, FollowUpAppFactory.Password);
            Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        }

        using var attacker = Client(Attacker);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(Failed, await SignInAsync(attacker, email, "guess number " + i));
        }
        Assert.Equal(Locked, await SignInAsync(attacker, email, "guess number 6"));
        Assert.Equal(Locked, await SignInAsync(attacker, email, FollowUpAppFactory.Password)); // even the right one, from there

        using var ownerAgain = Client(Owner);
        Assert.Equal(SignedIn, await SignInAsync(ownerAgain, email, FollowUpAppFactory.Password));
    }

    [Fact]
    public async Task An_unknown_email_locks_the_same_way()
    {
        using var client = Client("203.0.113.51");
        var nobody = $"nobody-{Guid.NewGuid():N}@example.jp";
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(Failed, await SignInAsync(client, nobody, "guess number " + i));
        }
        Assert.Equal(Locked, await SignInAsync(client, nobody, "guess number 6"));
    }

    internal const string Failed = "failed";
    internal const string Locked = "locked";
    internal const string SignedIn = "signed in";

    /// <summary>Posts the sign-in form and says what came of it: <see cref="Failed"/>, <see cref="Locked"/> or <see cref="SignedIn"/>.</summary>
    internal static async Task<string> SignInAsync(HttpClient client, string email, string password)
    {
        using var response = await Forms.SubmitAsync(client, "/account/login", "login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            return SignedIn;
        }
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = (await Forms.ParseAsync(response)).QuerySelector("[role=alert]")?.TextContent ?? "";
        return text.Contains("15分", StringComparison.Ordinal) ? Locked
            : text.Contains("正しくありません", StringComparison.Ordinal) ? Failed
            : $"unexpected: {text}";
    }

    private HttpClient Client(string address)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
        {
            BaseAddress = fixture.Server.BaseUri,
        };
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address); // as the proxy on this machine would say
        return client;
    }
}
