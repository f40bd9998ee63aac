using FollowUp.Domain.Advice;
using FollowUp.Domain.Applications;
using FollowUp.Domain.Events;
using Microsoft.AspNetCore.Identity;

namespace FollowUp.Web.Data;

/// <summary>A person using FollowUp; the owner of every row below.</summary>
public sealed class AppUser : IdentityUser
{
    /// <summary>Full name used in scripts and signatures (氏名).</summary>
    public string? FullName { get; set; }

    /// <summary>Reading of the name (ふりがな), for Japanese signatures.</summary>
    public string? Furigana { get; set; }

    /// <summary>Signature affiliation line: school and faculty, current company, or "registered with agency X".</summary>
    public string? Affiliation { get; set; }

    /// <summary>Preferred UI culture ("ja" or "en"); null follows the browser.</summary>
    public string? Culture { get; set; }

    /// <summary>Time zone for the user's own clock (default Asia/Tokyo).</summary>
    public string TimeZoneId { get; set; } = Infrastructure.TimeZones.DefaultId;

    /// <summary>When the account was created (UTC).</summary>
    public DateTime CreatedAtUtc { get; set; }
}

/// <summary>
/// The company-calendar columns shared by an application and the user's default for new ones; the defaults are
/// the usual Japanese company (09:00–18:00, closed Saturday, Sunday, national holidays and at year end).
/// </summary>
public abstract class CalendarColumns
{
    public TimeOnly OpensAt { get; set; } = new(9, 0);
    public TimeOnly ClosesAt { get; set; } = new(18, 0);

    /// <summary>Closed weekdays as a bit set (bit n = <see cref="DayOfWeek"/> n); default Saturday and Sunday.</summary>
    public int ClosedWeekdays { get; set; } = (1 << (int)DayOfWeek.Saturday) | (1 << (int)DayOfWeek.Sunday);
    public bool ObservesNationalHolidays { get; set; } = true;
    public bool YearEndClosure { get; set; } = true;
    public bool ObonClosure { get; set; }
}

/// <summary>One job application (応募) and the company's calendar.</summary>
public sealed class JobApplication : CalendarColumns, IOwnedRow
{
    public int Id { get; set; }
    public string OwnerId { get; set; } = "";
    public string Company { get; set; } = "";
    public string? Position { get; set; }
    public ApplicationRoute Route { get; set; }
    public string? AgencyName { get; set; }
    public string? AgencyCoordinator { get; set; }
    public string? ContactPerson { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Notes { get; set; }

    // The company calendar, flattened (with the base class's columns): these map 1:1 to Domain.Calendar.CompanyCalendar.
    public string TimeZoneId { get; set; } = Infrastructure.TimeZones.DefaultId;

    /// <summary>Rules for this application only; null follows the user's default (<see cref="UserDefaults.Policy"/>).</summary>
    public PolicySettings? Policy { get; set; }

    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }

    /// <summary>Made by "Try with sample data"; removed together by "Remove sample data".</summary>
    public bool IsSample { get; set; }

    public List<ClosureRange> Closures { get; set; } = [];
    public List<Interview> Interviews { get; set; } = [];
    public List<ContactEventRecord> Events { get; set; } = [];
}

/// <summary>
/// A user's defaults: the company calendar a new application starts from and the rules every application
/// without its own follows. No row means the recommended ones.
/// </summary>
public sealed class UserDefaults : CalendarColumns
{
    public string UserId { get; set; } = "";
    public PolicySettings Policy { get; set; } = PolicySettings.Recommended;
    public DateTime UpdatedAtUtc { get; set; }
}

/// <summary>An extra closure of the company (臨時休業), inclusive dates.</summary>
public sealed class ClosureRange
{
    public int Id { get; set; }
    public int ApplicationId { get; set; }
    public DateOnly From { get; set; }
    public DateOnly To { get; set; }
}

/// <summary>An interview (面接) and what was said about the reply.</summary>
public sealed class Interview : IOwnedRow
{
    public int Id { get; set; }
    public int ApplicationId { get; set; }
    public string OwnerId { get; set; } = "";

    /// <summary>Local wall-clock time in the application's time zone.</summary>
    public DateTime At { get; set; }
    public InterviewStage Stage { get; set; }
    public ReplyPromiseKind PromiseKind { get; set; }
    public DateOnly? PromiseDate { get; set; }
    public int? PromiseCount { get; set; }
    public bool ContactsSuccessfulOnly { get; set; }
    public string? Notes { get; set; }
    public DateTime CreatedAtUtc { get; set; }

    public JobApplication? Application { get; set; }
}

/// <summary>The event types of the etiquette spec, as stored.</summary>
public enum ContactEventKind
{
    MissedCall = 1,
    CallMade = 2,
    EmailSent = 3,
    ContactReceived = 4,
    Result = 5,
    ThankYouSkipped = 6,
}

/// <summary>A contact event on an application; the detail columns used depend on <see cref="Kind"/>.</summary>
public sealed class ContactEventRecord : IOwnedRow
{
    public int Id { get; set; }
    public int ApplicationId { get; set; }
    public string OwnerId { get; set; } = "";
    public ContactEventKind Kind { get; set; }

    /// <summary>Local wall-clock time in the application's time zone.</summary>
    public DateTime At { get; set; }
    public VoicemailKind? Voicemail { get; set; }
    public CallOutcome? CallOutcome { get; set; }
    public CallPurpose? CallPurpose { get; set; }
    public EmailPurpose? EmailPurpose { get; set; }
    public ContactChannel? Channel { get; set; }
    public ResultOutcome? ResultOutcome { get; set; }
    public DateOnly? NewDate { get; set; }
    public string? Note { get; set; }
    public DateTime CreatedAtUtc { get; set; }
}

/// <summary>
/// A counter per user that database triggers raise on every write to the user's applications, closures,
/// interviews, events and profile, so a cached read can tell in one tiny query whether it is still current,
/// whoever wrote (see ADR 0011).
/// </summary>
public sealed class DataVersion : IOwnedRow
{
    public string OwnerId { get; set; } = "";
    public long Version { get; set; }
}
