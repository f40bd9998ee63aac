using System.Collections.Immutable;
using FollowUp.Domain.Advice;
using FollowUp.Domain.Applications;
using FollowUp.Domain.Calendar;

namespace FollowUp.Domain.Scripts;

/// <summary>
/// Everything a script may mention. Only the profile, company, route, interview time and stage are
/// needed by every script; the rest is used by the kinds that need it and ignored otherwise.
/// Free-text fields are inserted as typed, so pass them in the script's <see cref="Language"/>.
/// </summary>
public sealed record ScriptContext
{
    /// <summary>The candidate.</summary>
    public required CandidateProfile Profile { get; init; }

    /// <summary>The company's name as it should be written (e.g. 株式会社サンプル); marked when missing.</summary>
    public required string? Company { get; init; }

    /// <summary>The department (e.g. 人事部), if known.</summary>
    public string? Department { get; init; }

    /// <summary>The company's contact person (e.g. 佐藤), if known; otherwise 採用ご担当者様 / Hiring Manager.</summary>
    public string? ContactPerson { get; init; }

    /// <summary>How the candidate applied; staffing-agency scripts address the agency and coordinator.</summary>
    public required ApplicationRoute Route { get; init; }

    /// <summary>The staffing agency's name (agency applications).</summary>
    public string? AgencyName { get; init; }

    /// <summary>The agency coordinator's name (agency applications), if known.</summary>
    public string? CoordinatorName { get; init; }

    /// <summary>When the interview took place (local wall-clock time).</summary>
    public required DateTime InterviewAt { get; init; }

    /// <summary>Which round the interview was.</summary>
    public required InterviewStage InterviewStage { get; init; }

    /// <summary>
    /// What was said about the timing of the result, e.g. 「1週間以内」 / "within a week";
    /// <see cref="ScriptTiming.From"/> builds it from a <see cref="ReplyPromise"/>.
    /// </summary>
    public LocalizedText? ResultTiming { get; init; }

    /// <summary>The date by which the result was promised, if one is known.</summary>
    public DateOnly? PromisedDate { get; init; }

    /// <summary>When their call was missed (callback scripts and the email reply).</summary>
    public DateTime? MissedCallAt { get; init; }

    /// <summary>When a callback got through (the thank-you mail after a late callback names that day).</summary>
    public DateTime? CallbackReachedAt { get; init; }

    /// <summary>When the candidate tried to call back without reaching them (email reply).</summary>
    public ImmutableArray<DateTime> CallAttempts { get; init; } = [];

    /// <summary>When the candidate can take calls, e.g. 「平日の18時以降」 / "weekdays after 18:00".</summary>
    public string? ReachableTimes { get; init; }

    /// <summary>What their call was probably about, e.g. 「二次面接の日程」 / "the second interview"; falls back to the interview.</summary>
    public string? CallTopic { get; init; }

    /// <summary>One specific thing learned in the interview, for the thank-you email.</summary>
    public string? LearnedInInterview { get; init; }

    /// <summary>The callback is overdue: use the apology variant.</summary>
    public bool IsLate { get; init; }

    /// <summary>How many days late the callback is (0 when unknown). Informational: the texts do not state the number, which would only dwell on the delay.</summary>
    public int DaysLate { get; init; }

    /// <summary>The short reason for a late callback, without excuses, e.g. 「出張で電話に出られませんでした」.</summary>
    public string? LateReason { get; init; }

    /// <summary>A message from the company may not have reached the candidate: soft follow-up phone variant.</summary>
    public bool MessageMayNotHaveReached { get; init; }

    /// <summary>
    /// The company's calendar under the rules the application follows. The phone scripts' call-hours note
    /// quotes its call windows, and the notes on retrying a call and on waiting for an answer quote its
    /// policy, so a script never gives other numbers than the advice. <see langword="null"/>: the usual
    /// company (09:00–18:00, <see cref="CompanyCalendar.Default"/>) under the recommended rules.
    /// </summary>
    public BusinessCalendar? Calendar { get; init; }

    /// <summary>The script's language.</summary>
    public ScriptLanguage Language { get; init; } = ScriptLanguage.Japanese;
}
