using FollowUp.Web.Data;
using FollowUp.Web.Features.Applications;
using FollowUp.Web.Features.Today;
using FollowUp.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace FollowUp.Web.Tests.Reminders;

/// <summary>
/// Every write that may change an application's steps tells the reminders, deletes included (issue 16): a
/// listener is required, so no service can silently skip it.
/// </summary>
public sealed class ChangeNotificationTests(FollowUpAppFactory app) : IClassFixture<FollowUpAppFactory>
{
    [Fact]
    public async Task Every_write_of_an_application_notifies_deletes_included()
    {
        var owner = await app.CreateUserAsync("notify-every-write@example.jp");
        var heard = new RecordingChanges();
        var service = new ApplicationService(
            app.Services.GetRequiredService<IDbContextFactory<FollowUpDbContext>>(), app.Services.GetRequiredService<ApplicationSnapshots>(),
            new TestCurrentUser(owner), app.Clock, NullLogger<ApplicationService>.Instance, heard);

        var id = (await service.CreateAsync(new ApplicationInput { Company = "通知株式会社" })).Id;
        var interview = (await service.AddInterviewAsync(id, new InterviewInput { Date = "2026-11-16", Time = "14:00" })).Id;
        var logged = (await service.LogEventAsync(id, new EventInput { Kind = ContactEventKind.ThankYouSkipped, Date = "2026-11-16", Time = "18:00" })).Id;
        Assert.True(await service.DeleteEventAsync(logged));
        Assert.True(await service.DeleteInterviewAsync(interview));
        var countBeforeDelete = heard.Heard.Count;
        Assert.True(await service.DeleteAsync(id));

        Assert.Equal(countBeforeDelete + 1, heard.Heard.Count);
        Assert.Equal((owner, id), heard.Heard[^1]);
        Assert.Equal(6, heard.Heard.Count); // create, interview, event, two deletes, the application's delete
        Assert.All(heard.Heard, h => Assert.Equal((owner, id), h));
    }

    [Fact]
    public async Task Removing_the_sample_data_notifies_for_each_sample()
    {
        var owner = await app.CreateUserAsync("notify-samples@example.jp");
        var heard = new RecordingChanges();
        var samples = new SampleData(app.Services.GetRequiredService<IDbContextFactory<FollowUpDbContext>>(), new TestCurrentUser(owner), app.Clock, heard);
        await samples.AddAsync(japanese: true);
        var added = heard.Heard.Select(h => h.ApplicationId).Order().ToList();
        Assert.Equal(4, added.Count);

        Assert.Equal(4, await samples.RemoveAsync());

        Assert.Equal(added, heard.Heard.Skip(4).Select(h => h.ApplicationId).Order());
    }
}
