using FollowUp.Domain.Advice;
using FollowUp.Domain.Applications;
using FollowUp.Domain.Events;
using FollowUp.Web.Data;
using FollowUp.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FollowUp.Web.Features.Today;

/// <summary>
/// "Try with sample data": four realistic applications in different states, dated relative to now
/// (a missed call this evening, waiting for a deadline, a follow-up due, moved on). Removed in one click.
/// </summary>
public sealed class SampleData(
    IDbContextFactory<FollowUpDbContext> dbFactory,
    ICurrentUser currentUser,
    TimeProvider clock,
    Reminders.IApplicationChanged changed)
{
    public async Task<bool> HasSampleAsync(CancellationToken ct = default)
    {
        var owner = await currentUser.IdAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ApplicationsOf(owner).AnyAsync(a => a.IsSample, ct);
    }

    /// <summary>Adds the four samples in one transaction (none if any sample is already there).</summary>
    public async Task AddAsync(bool japanese, CancellationToken ct = default)
    {
        var owner = await currentUser.IdAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.ApplicationsOf(owner).AnyAsync(a => a.IsSample, ct))
        {
            return;
        }
        var utc = clock.GetUtcNow();
        var now = TimeZones.ToLocal(utc, TimeZones.DefaultId);
        var today = now.Date;
        JobApplication App(string ja, string en, string posJa, string posEn, ApplicationRoute route) => new()
        {
            OwnerId = owner,
            Company = japanese ? ja : en,
            Position = japanese ? posJa : posEn,
            Route = route,
            IsSample = true,
            CreatedAtUtc = utc.UtcDateTime,
            UpdatedAtUtc = utc.UtcDateTime,
            Phone = "03-1234-5678",
        };
        Interview Iv(DateTime at, ReplyPromiseKind kind, int? count = null, DateOnly? date = null) => new()
        {
            OwnerId = owner, At = at, Stage = InterviewStage.First, PromiseKind = kind, PromiseCount = count, PromiseDate = date,
            CreatedAtUtc = utc.UtcDateTime,
        };
        ContactEventRecord Ev(ContactEventKind kind, DateTime at) => new() { OwnerId = owner, Kind = kind, At = at, CreatedAtUtc = utc.UtcDateTime };

        // 1. They called this evening while the user was on the train.
        var callback = App("株式会社みなと商事", "Minato Trading Co.", "営業事務", "Sales assistant", ApplicationRoute.Direct);
        callback.ContactPerson = japanese ? "人事部 佐藤様" : "Ms Sato, HR";
        callback.Interviews.Add(Iv(today.AddDays(-3).AddHours(14), ReplyPromiseKind.WithinDays, count: 7));
        var missedAt = now.Hour >= 10 ? now.AddMinutes(-40) : today.AddDays(-1).AddHours(19).AddMinutes(30);
        var thanks1 = Ev(ContactEventKind.EmailSent, today.AddDays(-3).AddHours(19));
        thanks1.EmailPurpose = EmailPurpose.ThankYou;
        var missed = Ev(ContactEventKind.MissedCall, missedAt);
        missed.Voicemail = VoicemailKind.CallBack;
        callback.Events.AddRange([thanks1, missed]);

        // 2. Waiting: through an agency, a reply promised within 5 business days of yesterday's meeting.
        var waiting = App("さくらテック株式会社", "Sakura Tech K.K.", "一般事務（派遣）", "Office clerk (temp)", ApplicationRoute.StaffingAgency);
        waiting.AgencyName = japanese ? "ミライスタッフ株式会社" : "Mirai Staff K.K.";
        waiting.AgencyCoordinator = japanese ? "田中様" : "Mr Tanaka";
        // An answer promised within three weeks: the inquiry opens more than two weeks from now, so this one waits.
        waiting.Interviews.Add(Iv(today.AddDays(-1).AddHours(11), ReplyPromiseKind.WithinWeeks, count: 3));
        waiting.Interviews[0].Stage = InterviewStage.AgencyMeeting;
        var thanks2 = Ev(ContactEventKind.EmailSent, today.AddDays(-1).AddHours(18));
        thanks2.EmailPurpose = EmailPurpose.ThankYou;
        waiting.Events.Add(thanks2);

        // 3. Follow-up due: the promised date passed more than three business days ago.
        var followUp = App("ひかり物流株式会社", "Hikari Logistics", "総務", "General affairs", ApplicationRoute.Direct);
        followUp.Email = "saiyo@hikari-logistics.example";
        followUp.Interviews.Add(Iv(today.AddDays(-16).AddHours(15), ReplyPromiseKind.ByDate,
            date: DateOnly.FromDateTime(today.AddDays(-9))));
        followUp.Events.Add(Ev(ContactEventKind.ThankYouSkipped, today.AddDays(-16).AddHours(18)));

        // 4. Moved on: the one follow-up went unanswered for more than five business days.
        var movedOn = App("あおば食品株式会社", "Aoba Foods", "品質管理", "Quality control", ApplicationRoute.Direct);
        movedOn.Interviews.Add(Iv(today.AddDays(-35).AddHours(10), ReplyPromiseKind.WithinWeeks, count: 2));
        var sentFollowUp = Ev(ContactEventKind.EmailSent, today.AddDays(-18).AddHours(10));
        sentFollowUp.EmailPurpose = EmailPurpose.FollowUp;
        var thanks4 = Ev(ContactEventKind.EmailSent, today.AddDays(-35).AddHours(17));
        thanks4.EmailPurpose = EmailPurpose.ThankYou;
        movedOn.Events.AddRange([thanks4, sentFollowUp]);

        foreach (var app in new[] { callback, waiting, followUp, movedOn })
        {
            foreach (var i in app.Interviews)
            {
                i.OwnerId = owner;
            }
        }
        db.Applications.AddRange(callback, waiting, followUp, movedOn);
        await db.SaveChangesAsync(ct);
        // Samples behave like real applications, reminders included.
        await changed.ChangedAsync(owner, [callback.Id, waiting.Id, followUp.Id, movedOn.Id], ct);
    }

    /// <summary>Deletes every sample application (with its interviews and events); real data is untouched.</summary>
    public async Task<int> RemoveAsync(CancellationToken ct = default)
    {
        var owner = await currentUser.IdAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var samples = await db.ApplicationsOf(owner).Where(a => a.IsSample).Select(a => a.Id).ToListAsync(ct);
        var removed = await db.ApplicationsOf(owner).Where(a => samples.Contains(a.Id)).ExecuteDeleteAsync(ct);
        await changed.ChangedAsync(owner, samples, ct);
        return removed;
    }
}
