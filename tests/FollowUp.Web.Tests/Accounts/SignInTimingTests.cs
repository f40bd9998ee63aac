using System.Diagnostics;
using System.Net;
using FollowUp.Web.Tests.Infrastructure;

namespace FollowUp.Web.Tests.Accounts;

/// <summary>
/// The sign-in and registration pages do not tell whether an email has an account: a wrong password for a real
/// account and any password for an unknown email cost the same (both verify a password hash), and registering an
/// address that is taken says nothing about the address.
/// </summary>
public sealed class SignInTimingTests(FollowUpAppFactory app) : IClassFixture<FollowUpAppFactory>
{
    private const int Rounds = 12;

    [Fact]
    public async Task A_wrong_password_and_an_unknown_email_take_the_same_time()
    {
        var known = new List<string>();
        for (var i = 0; i < Rounds; i++)
        {
            var email = $"timing-{i}-{Guid.NewGuid():N}@example.jp";
            await app.CreateUserAsync(email);
            known.Add(email);
        }
        using var client = app.CreateBrowserLikeClient();
        await FailAsync(client, "warm-up@example.jp"); // first-use costs (JIT, the hasher) are not part of either

        // Interleaved, one attempt per account, so neither side meets a lockout or a cold path the other does not.
        var knownTimes = new List<double>();
        var unknownTimes = new List<double>();
        for (var i = 0; i < Rounds; i++)
        {
            knownTimes.Add(await FailAsync(client, known[i]));
            unknownTimes.Add(await FailAsync(client, $"nobody-{i}-{Guid.NewGuid():N}@example.jp"));
        }

        var knownMedian = Median(knownTimes);
        var unknownMedian = Median(unknownTimes);
        Assert.True(knownMedian > 20, $"a wrong password took {knownMedian:F1} ms: is the hash really checked?");
        // Before the fix an unknown email answered in 5-7 ms against 127-154 ms (a twentieth); within a factor of
        // three of each other both paths verify a hash, and a machine busy with other work cannot fail it.
        Assert.True(unknownMedian > knownMedian / 3 && unknownMedian < knownMedian * 3,
            $"wrong password {knownMedian:F1} ms, unknown email {unknownMedian:F1} ms (medians of {Rounds})");
    }

    [Theory]
    [InlineData("ja", "この内容では登録できませんでした。すでにアカウントをお持ちの場合は、ログインしてください。")]
    [InlineData("en", "An account could not be created with these details. If you already have one, sign in instead.")]
    public async Task Registering_a_taken_email_does_not_say_it_is_taken(string language, string expected)
    {
        var email = $"taken-{Guid.NewGuid():N}@example.jp";
        await app.CreateUserAsync(email);
        var users = (await app.CountRowsAsync()).Users;

        using var client = app.CreateBrowserLikeClient(language);
        using var posted = await Forms.RegisterAsync(client, email, "another long passphrase");

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var doc = await Forms.ParseAsync(posted);
        var messages = doc.QuerySelectorAll(".validation-message").Select(m => m.TextContent.Trim()).ToList();
        Assert.Equal([expected], messages);
        Assert.Equal(users, (await app.CountRowsAsync()).Users);
    }

    private static async Task<double> FailAsync(HttpClient client, string email)
    {
        // The form is fetched first so only the post is timed.
        var page = await Forms.GetDocumentAsync(client, "/account/login");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.Email"] = email,
            ["Input.Password"] = "not the password at all",
        });
        var watch = Stopwatch.StartNew();
        using var response = await client.PostAsync(new Uri("/account/login", UriKind.Relative), content);
        watch.Stop();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("メールアドレスまたはパスワードが正しくありません", (await Forms.ParseAsync(response)).Body!.TextContent, StringComparison.Ordinal);
        return watch.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return (sorted[(sorted.Count - 1) / 2] + sorted[sorted.Count / 2]) / 2;
    }
}
