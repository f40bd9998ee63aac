using FollowUp.Domain.Advice;
using FollowUp.Web.Features.Today;
using FollowUp.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FollowUp.Web.Tests.Today;

/// <summary>
/// "Try with sample data" on a real SQLite file, on Tuesday 2026-11-24 10:00 in Tokyo: four applications in
/// four different states land in the right Today groups, and "remove" takes exactly those away.
/// </summary>
[Trait("Database", "Both")]
public sealed class SampleDataTests(FollowUpAppFactory app) : IClassFixture<FollowUpAppFactory>
{
    private SampleData SamplesFor(string userId) =>
        new(app.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<Web.Data.FollowUpDbContext>>(),
            new TestCurrentUser(userId), app.Clock, new Reminders.RecordingChanges());

    [Fact]
    public async Task Samples_cover_the_states_and_are_removed_without_touching_real_data()
    {
        var a = await app.CreateUserAsync("samples-a@example.jp");
        var b = await app.CreateUserAsync("samples-b@example.jp");
        var realA = await Seed.ApplicationWithHistoryAsync(app.ServiceFor(a), "本物株式会社");
        await Seed.ApplicationWithHistoryAsync(app.ServiceFor(b), "ビー株式会社");

        await SamplesFor(a).AddAsync(japanese: true);
        await SamplesFor(a).AddAsync(japanese: true); // a second click adds nothing

        var list = await app.ServiceFor(a).ListAsync();
        Assert.Equal(5, list.Count);
        var samples = list.Where(s => s.Id != realA.ApplicationId).ToDictionary(s => s.Company);
        Assert.Equal(StepKind.CallBack, samples["株式会社みなと商事"].Advice.Primary!.Kind);
        Assert.Equal(StepKind.FollowUp, samples["さくらテック株式会社"].Advice.Primary!.Kind);
        Assert.Equal(StepKind.FollowUp, samples["ひかり物流株式会社"].Advice.Primary!.Kind);
        Assert.Equal(StepKind.MoveOn, samples["あおば食品株式会社"].Advice.Primary!.Kind);

        var groups = TodayGroups.Build(samples.Values);
        Assert.Equal(
            new[] { "あおば食品株式会社", "ひかり物流株式会社", "株式会社みなと商事" },
            groups.DoNow.Select(s => s.Company).Order(StringComparer.Ordinal).ToArray());
        Assert.Equal("さくらテック株式会社", Assert.Single(groups.Waiting).Company);
        Assert.Empty(groups.ComingUp);

        Assert.Equal(4, await SamplesFor(a).RemoveAsync());
        var left = await app.ServiceFor(a).ListAsync();
        Assert.Equal(realA.ApplicationId, Assert.Single(left).Id);
        Assert.Single(await app.ServiceFor(b).ListAsync());
        Assert.False(await SamplesFor(a).HasSampleAsync());
    }
}
