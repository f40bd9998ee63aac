using FollowUp.Web.Data;
using FollowUp.Web.Features.Profile;
using FollowUp.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FollowUp.Web.Tests.Profile;

/// <summary>The profile that signs the scripts: saved for its owner only, and bad input writes nothing.</summary>
[Trait("Database", "Both")]
public sealed class ProfileTests(FollowUpAppFactory app) : IClassFixture<FollowUpAppFactory>
{
    private ProfileService ServiceFor(string userId) =>
        new(app.Services.GetRequiredService<IDbContextFactory<FollowUpDbContext>>(), new TestCurrentUser(userId));

    [Fact]
    public async Task Each_user_saves_and_reads_only_their_own_profile()
    {
        var a = await app.CreateUserAsync("profile-a@example.jp");
        var b = await app.CreateUserAsync("profile-b@example.jp");

        var saved = await ServiceFor(a).SaveAsync(new ProfileInput
        {
            FullName = " 山田 花子 ", Furigana = "やまだ はなこ", Affiliation = "〇〇大学 経済学部", Phone = "090-1234-5678",
        });

        Assert.True(saved.Succeeded);
        var mine = await ServiceFor(a).GetAsync();
        Assert.Equal("山田 花子", mine.FullName);
        Assert.Equal("090-1234-5678", mine.Phone);
        Assert.Equal("ja", mine.Culture);
        Assert.Equal("Asia/Tokyo", mine.TimeZoneId);
        var theirs = await ServiceFor(b).GetAsync();
        Assert.Null(theirs.FullName);
        Assert.Null(theirs.Phone);
    }

    [Theory]
    [InlineData("FullName", 201)]
    [InlineData("Phone", 0)]
    [InlineData("TimeZoneId", 0)]
    [InlineData("Culture", 0)]
    public async Task Bad_input_names_the_field_and_changes_nothing(string field, int length)
    {
        var a = await app.CreateUserAsync($"profile-bad-{field}@example.jp");
        await ServiceFor(a).SaveAsync(new ProfileInput { FullName = "元の名前" });
        var input = field switch
        {
            "Phone" => new ProfileInput { FullName = "新しい名前", Phone = "call me maybe" },
            "TimeZoneId" => new ProfileInput { FullName = "新しい名前", TimeZoneId = "Mars/Olympus_Mons" },
            "Culture" => new ProfileInput { FullName = "新しい名前", Culture = "fr" },
            _ => new ProfileInput { FullName = new string('名', length) },
        };

        var result = await ServiceFor(a).SaveAsync(input);

        Assert.False(result.Succeeded);
        Assert.Equal(field, Assert.Single(result.Errors).Field);
        Assert.Equal("元の名前", (await ServiceFor(a).GetAsync()).FullName);
    }
}
