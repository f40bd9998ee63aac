using System.Net;
using FollowUp.Web.Data;
using FollowUp.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace FollowUp.Web.Tests.Accounts;

/// <summary>
/// A password's length is counted in characters as people see them (five emoji are five, not ten UTF-16 units), and
/// the account's email is never its password: on the forms, and in Identity for any path around them.
/// </summary>
[Trait("Database", "Both")]
public sealed class PasswordRuleTests(FollowUpAppFactory app) : IClassFixture<FollowUpAppFactory>
{
    private const string FiveEmoji = "😀🎉🍣🗻🌸";
    private const string TenEmoji = "😀🎉🍣🗻🌸🍵🎌🚄🏯🍙";

    [Theory]
    [InlineData(FiveEmoji)]
    [InlineData("\U0001F468\u200D\U0001F469\u200D\U0001F467\u200D\U0001F466\U0001F468\u200D\U0001F469\u200D\U0001F467\u200D\U0001F466\U0001F468\u200D\U0001F469\u200D\U0001F467")] // three families: 3 characters, 30 UTF-16 units
    [InlineData("\u304B\u3099\u304D\u3099\u304F\u3099\u3051\u3099\u3053\u3099")] // five kana as base + combining mark: 5 characters, 10 units
    public async Task Registration_counts_characters_as_people_see_them(string password)
    {
        var email = $"emoji-{Guid.NewGuid():N}@example.jp";
        using var client = app.CreateBrowserLikeClient();
        using var posted = await Forms.RegisterAsync(client, email, password);

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Equal("10文字以上にしてください。", await PasswordMessageAsync(posted, "#password"));
        Assert.Null(await app.UserIdAsync(email));
    }

    [Fact]
    public async Task Ten_emoji_are_ten_characters_and_are_accepted()
    {
        var email = $"ten-emoji-{Guid.NewGuid():N}@example.jp";
        using var client = app.CreateBrowserLikeClient();
        using var posted = await Forms.RegisterAsync(client, email, TenEmoji);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.NotNull(await app.UserIdAsync(email));
    }

    [Theory]
    [InlineData("{0}")]
    [InlineData("{1}")]
    [InlineData(" {0} ")]
    public async Task Registration_refuses_the_email_as_password(string template)
    {
        var email = $"Taro.Yamada.{Guid.NewGuid():N}@example.jp";
        var password = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, email.ToUpperInvariant(), email.Split('@')[0]);
        using var client = app.CreateBrowserLikeClient("en");
        using var posted = await Forms.RegisterAsync(client, email, password);

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Equal("Do not use your email address, or the part before the @, as your password.", await PasswordMessageAsync(posted, "#password"));
        Assert.Null(await app.UserIdAsync(email));
    }

    [Fact]
    public async Task Changing_the_password_to_the_email_is_refused_in_the_users_language()
    {
        var email = $"change-to-email-{Guid.NewGuid():N}@example.jp";
        using var client = app.CreateBrowserLikeClient();
        using (var registered = await Forms.RegisterAsync(client, email, FollowUpAppFactory.Password))
        {
            Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        }
        using var posted = await Forms.SubmitAsync(client, "/account/manage", "change-password", new Dictionary<string, string>
        {
            ["Password.CurrentPassword"] = FollowUpAppFactory.Password,
            ["Password.NewPassword"] = email,
            ["Password.ConfirmPassword"] = email,
        });
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Equal("メールアドレス（または@より前の部分）をパスワードにしないでください。", await PasswordMessageAsync(posted, "#new"));
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        Assert.True(await users.CheckPasswordAsync((await users.FindByEmailAsync(email))!, FollowUpAppFactory.Password));
    }

    [Theory]
    [InlineData(FiveEmoji, "FollowUp.PasswordTooShort")]
    [InlineData("bypass-email@example.jp", "FollowUp.PasswordIsEmail")]
    public async Task Identity_refuses_them_when_the_forms_are_bypassed(string password, string code)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var result = await users.CreateAsync(new AppUser { UserName = "bypass-email@example.jp", Email = "bypass-email@example.jp" }, password);
        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Code == code);
    }

    private static async Task<string?> PasswordMessageAsync(HttpResponseMessage response, string field)
    {
        var doc = await Forms.ParseAsync(response);
        return doc.QuerySelector(field)!.Closest(".fu-field")!.QuerySelector(".validation-message")?.TextContent.Trim();
    }
}
