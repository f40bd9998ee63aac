using FollowUp.Domain.Advice;
using FollowUp.Web.Components;
using FollowUp.Web.Data;
using FollowUp.Web.Infrastructure;
using Microsoft.Extensions.Localization;

namespace FollowUp.Web.Features.Applications;

/// <summary>Plain words for stored values, in the user's language.</summary>
public static class Describe
{
    public static string Promise(IStringLocalizer l, Interview i, DateText dates)
    {
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(i);
        ArgumentNullException.ThrowIfNull(dates);
        return i.PromiseKind switch
        {
            ReplyPromiseKind.ByDate when i.PromiseDate is { } d => l["Promise.ByDateText", dates.Format(d)],
            ReplyPromiseKind.WithinDays => l["Promise.WithinDaysText", i.PromiseCount ?? 0],
            ReplyPromiseKind.WithinWeeks => l["Promise.WithinWeeksText", i.PromiseCount ?? 0],
            ReplyPromiseKind.WithinBusinessDays => l["Promise.WithinBusinessDaysText", i.PromiseCount ?? 0],
            _ => l["Promise.UnspecifiedText"],
        };
    }

    public static string Event(IStringLocalizer l, ContactEventRecord e, DateText dates)
    {
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(dates);
        var detail = e.Kind switch
        {
            ContactEventKind.MissedCall when e.Voicemail is { } v => l.Of(v),
            ContactEventKind.CallMade when e.CallOutcome is { } o =>
                e.CallPurpose is { } p ? $"{l.Of(o)} ({l.Of(p)})" : l.Of(o),
            ContactEventKind.EmailSent when e.EmailPurpose is { } p => l.Of(p),
            ContactEventKind.ContactReceived when e.Channel is { } c => l.Of(c),
            ContactEventKind.Result when e.ResultOutcome is { } r =>
                e.NewDate is { } d ? $"{l.Of(r)} — {l["Event.NewDate", dates.Format(d)]}" : l.Of(r),
            _ => null,
        };
        return detail is null ? l.Of(e.Kind) : $"{l.Of(e.Kind)}: {detail}";
    }

    /// <summary>The event's icon, from the sprite (a timeline repeats them).</summary>
    public static string Icon(ContactEventKind kind) => kind switch
    {
        ContactEventKind.MissedCall => IconSprite.PhoneMissed,
        ContactEventKind.CallMade => IconSprite.Call,
        ContactEventKind.EmailSent => IconSprite.Mail,
        ContactEventKind.ContactReceived => IconSprite.CallReceived,
        ContactEventKind.Result => IconSprite.Flag,
        ContactEventKind.ThankYouSkipped => IconSprite.DoNotDisturb,
        _ => IconSprite.Event,
    };
}
