using System.Text.Json;
using FollowUp.Domain.Advice;
using FollowUp.Domain.Events;
using FollowUp.Web.Data;
using FollowUp.Web.Features.Applications;
using Microsoft.EntityFrameworkCore;

namespace FollowUp.Web.Tests.Infrastructure;

/// <summary>One application with a closure, an interview and an event, created through the service.</summary>
public sealed record SeededApplication(int ApplicationId, int InterviewId, int EventId);

public static class Seed
{
    public static ApplicationInput Application(string company) => new()
    {
        Company = company,
        Position = "営業職",
        ContactPerson = "人事部 佐藤様",
        Phone = "03-1234-5678",
        Email = "saiyo@example.co.jp",
        Notes = "一次面接の控え",
        ExtraClosures = "2026-12-01..2026-12-03",
    };

    public static InterviewInput Interview() => new()
    {
        Date = "2026-11-20",
        Time = "10:00",
        PromiseKind = ReplyPromiseKind.WithinBusinessDays,
        PromiseCount = 3,
        Notes = "3営業日以内に連絡とのこと",
    };

    public static EventInput MissedCall() => new()
    {
        Kind = ContactEventKind.MissedCall,
        Date = "2026-11-24",
        Time = "09:30",
        Voicemail = VoicemailKind.CallBack,
        Note = "折り返し希望",
    };

    public static async Task<SeededApplication> ApplicationWithHistoryAsync(ApplicationService service, string company)
    {
        ArgumentNullException.ThrowIfNull(service);
        var app = await service.CreateAsync(Application(company));
        Assert.True(app.Succeeded, string.Join("; ", app.Errors));
        var interview = await service.AddInterviewAsync(app.Id, Interview());
        Assert.True(interview.Succeeded, string.Join("; ", interview.Errors));
        var ev = await service.LogEventAsync(app.Id, MissedCall());
        Assert.True(ev.Succeeded, string.Join("; ", ev.Errors));
        return new SeededApplication(app.Id, interview.Id, ev.Id);
    }

    /// <summary>Every column of every row one owner has, as text: equal snapshots mean nothing changed.</summary>
    public static async Task<string> SnapshotOfAsync(FollowUpAppFactory app, string ownerId)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var db = app.CreateDbContext();
        var applications = await db.ApplicationsOf(ownerId).AsNoTracking().OrderBy(a => a.Id).ToListAsync();
        var ids = applications.Select(a => a.Id).ToList();
        var closures = await db.Closures.AsNoTracking().Where(c => ids.Contains(c.ApplicationId)).OrderBy(c => c.Id).ToListAsync();
        var interviews = await db.Interviews.AsNoTracking().Where(i => ids.Contains(i.ApplicationId) || i.OwnerId == ownerId)
            .OrderBy(i => i.Id).ToListAsync();
        var events = await db.ContactEvents.AsNoTracking().Where(e => ids.Contains(e.ApplicationId) || e.OwnerId == ownerId)
            .OrderBy(e => e.Id).ToListAsync();
        return JsonSerializer.Serialize(new { applications, closures, interviews, events });
    }
}
