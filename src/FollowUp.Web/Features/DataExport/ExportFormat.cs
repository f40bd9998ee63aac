using System.Text.Json;
using System.Text.Json.Serialization;
using FollowUp.Domain.Advice;
using FollowUp.Domain.Applications;
using FollowUp.Domain.Events;
using FollowUp.Domain.Scripts;
using FollowUp.Web.Data;

namespace FollowUp.Web.Features.DataExport;

/// <summary>
/// Everything one account holds, as written to <c>/account/export.json</c> and read by the import page.
/// Version 1 (defaults, per-application rules and the script page's answers and edited scripts were added later as
/// optional members, so older files still read). Dates are <c>yyyy-MM-dd</c>, times <c>HH:mm</c> (the company's wall clock, like the forms),
/// audit times UTC; enums are names. Ids are not exported: import creates new rows.
/// </summary>
public sealed class ExportDocument
{
    /// <summary>The value of <see cref="Format"/> in every FollowUp export.</summary>
    public const string FormatName = "followup-export";

    /// <summary>The version this build writes and reads.</summary>
    public const int CurrentVersion = 1;

    public string Format { get; set; } = FormatName;
    public int Version { get; set; } = CurrentVersion;
    public DateTime? ExportedAtUtc { get; set; }
    public ExportedProfile? Profile { get; set; }

    /// <summary>The user's defaults (calendar for new applications, rules); absent in files from before they existed.</summary>
    public ExportedDefaults? Defaults { get; set; }
    public List<ExportedApplication> Applications { get; set; } = [];

    /// <summary>camelCase names, enums as names, indented (people read these files).</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
        MaxDepth = 16,
    };
}

/// <summary>The profile fields (the email is exported for reference, never imported).</summary>
public sealed class ExportedProfile
{
    public string? Email { get; set; }
    public string? FullName { get; set; }
    public string? Furigana { get; set; }
    public string? Affiliation { get; set; }
    public string? Phone { get; set; }
    public string? Culture { get; set; }
    public string? TimeZoneId { get; set; }
}

/// <summary>The company-calendar members of <see cref="ExportedDefaults"/> and <see cref="ExportedApplication"/>.</summary>
public interface IExportedCalendar
{
    string? OpensAt { get; set; }
    string? ClosesAt { get; set; }
    List<DayOfWeek> ClosedWeekdays { get; set; }
    bool ObservesNationalHolidays { get; set; }
    bool YearEndClosure { get; set; }
    bool ObonClosure { get; set; }
}

/// <summary>
/// The user's defaults: the company calendar new applications start from and the rules applications follow.
/// In <see cref="Policy"/> a setting the file does not carry reads as its recommended value.
/// </summary>
public sealed class ExportedDefaults : IExportedCalendar
{
    public string? OpensAt { get; set; }
    public string? ClosesAt { get; set; }
    public List<DayOfWeek> ClosedWeekdays { get; set; } = [];
    public bool ObservesNationalHolidays { get; set; }
    public bool YearEndClosure { get; set; }
    public bool ObonClosure { get; set; }
    public PolicySettings? Policy { get; set; }
}

/// <summary>An application with its company calendar, closures, interviews, events, script answers and edited scripts.</summary>
public sealed class ExportedApplication : IExportedCalendar
{
    public string? Company { get; set; }
    public string? Position { get; set; }
    public ApplicationRoute Route { get; set; }
    public string? AgencyName { get; set; }
    public string? AgencyCoordinator { get; set; }
    public string? ContactPerson { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Notes { get; set; }
    public string? TimeZoneId { get; set; }
    public string? OpensAt { get; set; }
    public string? ClosesAt { get; set; }
    public List<DayOfWeek> ClosedWeekdays { get; set; } = [];
    public bool ObservesNationalHolidays { get; set; }
    public bool YearEndClosure { get; set; }
    public bool ObonClosure { get; set; }
    public List<ExportedClosure> Closures { get; set; } = [];

    /// <summary>This application's own rules; null (or absent, in older files) follows the user's defaults.</summary>
    public PolicySettings? Policy { get; set; }

    /// <summary>Made by "Try with sample data" (absent in older files): imported, it is still removed with the samples.</summary>
    public bool IsSample { get; set; }
    public DateTime? CreatedAtUtc { get; set; }
    public DateTime? UpdatedAtUtc { get; set; }
    public List<ExportedInterview> Interviews { get; set; } = [];
    public List<ExportedEvent> Events { get; set; } = [];

    /// <summary>What the user told the script page about this application (ADR 0022); null when nothing (absent in older files).</summary>
    public ExportedScriptAnswers? ScriptAnswers { get; set; }

    /// <summary>The scripts the user edited and saved, one per kind and language (ADR 0022); absent in older files.</summary>
    public List<ExportedScriptDraft> ScriptDrafts { get; set; } = [];
}

/// <summary>The script page's answers for one application and its script language (<see cref="ScriptAnswersRecord"/>).</summary>
public sealed class ExportedScriptAnswers
{
    public string? LateReason { get; set; }
    public string? ReachableTimes { get; set; }
    public string? LearnedInInterview { get; set; }
    public bool MessageMayNotHaveReached { get; set; }
    public bool WritesInEnglish { get; set; }
    public DateTime? UpdatedAtUtc { get; set; }
}

/// <summary>A script the user edited (<see cref="ScriptDraftRecord"/>): its kind, language (<c>ja</c> or <c>en</c>) and text.</summary>
public sealed class ExportedScriptDraft
{
    public ScriptKind Kind { get; set; }
    public string? Language { get; set; }
    public string? Subject { get; set; }
    public string? Body { get; set; }
    public DateTime? UpdatedAtUtc { get; set; }
}

/// <summary>An extra closure, inclusive dates.</summary>
public sealed class ExportedClosure
{
    public string? From { get; set; }
    public string? To { get; set; }
}

public sealed class ExportedInterview
{
    public string? Date { get; set; }
    public string? Time { get; set; }
    public InterviewStage Stage { get; set; }
    public ReplyPromiseKind PromiseKind { get; set; }
    public string? PromiseDate { get; set; }
    public int? PromiseCount { get; set; }
    public bool ContactsSuccessfulOnly { get; set; }
    public string? Notes { get; set; }
    public DateTime? CreatedAtUtc { get; set; }
}

public sealed class ExportedEvent
{
    public ContactEventKind Kind { get; set; }
    public string? Date { get; set; }
    public string? Time { get; set; }
    public VoicemailKind? Voicemail { get; set; }
    public CallOutcome? CallOutcome { get; set; }
    public CallPurpose? CallPurpose { get; set; }
    public EmailPurpose? EmailPurpose { get; set; }
    public ContactChannel? Channel { get; set; }
    public ResultOutcome? ResultOutcome { get; set; }
    public string? NewDate { get; set; }
    public string? Note { get; set; }
    public DateTime? CreatedAtUtc { get; set; }
}
