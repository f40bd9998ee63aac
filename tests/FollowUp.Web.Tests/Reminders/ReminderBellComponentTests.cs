using Bunit;
using FollowUp.Domain.Advice;
using FollowUp.Web.Features.Reminders;
using FollowUp.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace FollowUp.Web.Tests.Reminders;

/// <summary>The header bell as a component: its count, the toast a delivery raises, and reminders held by quiet hours.</summary>
public sealed class ReminderBellComponentTests(FollowUpAppFactory app) : ComponentContext(app), IClassFixture<FollowUpAppFactory>
{
    [Theory]
    [InlineData("ja", "株式会社ベル：「折り返し電話をする」のタイミングです。", "通知（未読1件）")]
    [InlineData("en", "Bell Corp", "Reminders (1 unread)")]
    public async Task A_delivery_raises_a_toast_and_the_count_without_a_reload(string culture, string toast, string label)
    {
        Culture(culture);
        var owner = await SignInNewUserAsync("bell");
        var snackbars = Render<MudSnackbarProvider>();
        var bell = Render<ReminderBell>();
        Assert.Empty(bell.FindAll("[data-testid=reminder-count]"));

        var company = culture == "ja" ? "株式会社ベル" : "Bell Corp";
        var seeded = await Seed.ApplicationWithHistoryAsync(App.ServiceFor(owner), company);
        await using (var db = App.CreateDbContext())
        {
            db.Add(new Reminder
            {
                OwnerId = owner, ApplicationId = seeded.ApplicationId, InterviewId = seeded.InterviewId, StepKind = StepKind.CallBack,
                Kind = ReminderKind.WindowOpens, OpensAt = new DateTime(2026, 11, 24, 10, 0, 0), DueAtUtc = App.Clock.GetUtcNow().UtcDateTime,
                State = ReminderState.Delivered, DeliveredAtUtc = App.Clock.GetUtcNow().UtcDateTime,
            });
            await db.SaveChangesAsync();
        }
        var reminderId = (await App.CreateDbContext().Set<Reminder>().SingleAsync(r => r.OwnerId == owner)).Id;
        await Services.GetRequiredService<ReminderNotifier>().PublishAsync(owner,
            new ReminderDelivered(reminderId, seeded.ApplicationId, company, StepKind.CallBack, ReminderKind.WindowOpens));

        bell.WaitForAssertion(() => Assert.Equal("1", bell.Find("[data-testid=reminder-count]").TextContent));
        Assert.Contains(label, bell.Find(".fu-visually-hidden").TextContent, StringComparison.Ordinal);
        snackbars.WaitForAssertion(() => Assert.Contains(toast, snackbars.Find(".mud-snackbar").TextContent, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("ja", "リマインダーが3件あります。最新：株式会社さん：「次の応募に集中する」のタイミングです。ほかは「通知」でご確認ください。")]
    [InlineData("en", "3 reminders. Latest: 株式会社さん: time for this step: Move on. The others are under Reminders.")]
    public async Task Reminders_arriving_together_fold_into_one_toast_with_their_count(string culture, string folded)
    {
        Culture(culture);
        var owner = await SignInNewUserAsync("fold");
        var snackbars = Render<MudSnackbarProvider>();
        Render<ReminderBell>();
        var notifier = Services.GetRequiredService<ReminderNotifier>();

        await notifier.PublishAsync(owner, new ReminderDelivered(1, 1, "株式会社いち", StepKind.CallBack, ReminderKind.WindowOpens));
        snackbars.WaitForAssertion(() => Assert.Contains("株式会社いち", Assert.Single(snackbars.FindAll(".mud-snackbar")).TextContent, StringComparison.Ordinal));
        await notifier.PublishAsync(owner, new ReminderDelivered(2, 2, "株式会社に", StepKind.FollowUp, ReminderKind.ClosingSoon));
        await notifier.PublishAsync(owner, new ReminderDelivered(3, 3, "株式会社さん", StepKind.MoveOn, ReminderKind.WindowOpens));

        // One toast on screen, for all three; a closing window among them keeps it a warning.
        snackbars.WaitForAssertion(() =>
        {
            var toast = Assert.Single(snackbars.FindAll(".mud-snackbar"));
            Assert.Contains(folded, toast.TextContent, StringComparison.Ordinal);
            Assert.Contains("mud-alert-filled-warning", toast.ClassName, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Reminders_held_by_quiet_hours_show_on_the_bell_when_nothing_is_unread()
    {
        var owner = await SignInNewUserAsync("held");
        var seeded = await Seed.ApplicationWithHistoryAsync(App.ServiceFor(owner), "株式会社しずか");
        // Quiet all day but one minute, and a reminder already due: it waits.
        await Services.GetRequiredService<ReminderService>().SetQuietHoursAsync(new TimeOnly(0, 1), new TimeOnly(0, 0));
        await using (var db = App.CreateDbContext())
        {
            db.Add(new Reminder
            {
                OwnerId = owner, ApplicationId = seeded.ApplicationId, InterviewId = seeded.InterviewId + 1000, StepKind = StepKind.FollowUp,
                Kind = ReminderKind.WindowOpens, OpensAt = new DateTime(2026, 11, 24, 9, 0, 0),
                DueAtUtc = App.Clock.GetUtcNow().UtcDateTime.AddMinutes(-5), State = ReminderState.Scheduled,
            });
            await db.SaveChangesAsync();
        }

        var bell = Render<ReminderBell>();

        Assert.Empty(bell.FindAll("[data-testid=reminder-count]"));
        Assert.Equal("1", bell.Find("[data-testid=reminder-held]").TextContent);
        Assert.Contains("通知しない時間帯のため1件を保留中", bell.Find(".fu-visually-hidden").TextContent, StringComparison.Ordinal);
    }
}
