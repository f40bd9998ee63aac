using System.Collections.Immutable;
using FollowUp.Domain.Advice;
using FollowUp.Domain.Calendar;
using FollowUp.Domain.Events;
using FollowUp.Domain.Scripts;
using FollowUp.Web.Data;
using FollowUp.Web.Features.Applications;
using FollowUp.Web.Features.NextSteps;

namespace FollowUp.Web.Features.Scripts;

/// <summary>
/// What only the user can tell a script (issue 13, point 5: asked on the script page and remembered per
/// application). Anything not given stays a visible 【…】 / […] marker in the text.
/// </summary>
/// <param name="LateReason">The short reason a callback is late, e.g. 「出張で電話に出られませんでした」.</param>
/// <param name="ReachableTimes">When the user can take calls, e.g. 「平日の18時以降」.</param>
/// <param name="LearnedInInterview">One specific thing learned in the interview (thank-you mail).</param>
/// <param name="MessageMayNotHaveReached">A message from the company may not have reached the user: the soft 「もしかすると」 follow-up.</param>
public sealed record ScriptAnswers(
    string? LateReason = null, string? ReachableTimes = null, string? LearnedInInterview = null, bool MessageMayNotHaveReached = false);

/// <summary>Which of the script page's questions the script uses now (each is asked only where the text would show a marker or change).</summary>
/// <param name="LateReason">The callback is late and the apology gives a reason.</param>
/// <param name="ReachableTimes">The text says when the user can take calls.</param>
/// <param name="LearnedInInterview">The thank-you mail names one thing learned.</param>
/// <param name="MessageMayNotHaveReached">The text has a 「もしかすると」 variant.</param>
public sealed record ScriptQuestions(bool LateReason, bool ReachableTimes, bool LearnedInInterview, bool MessageMayNotHaveReached)
{
    /// <summary>Whether there is anything to ask.</summary>
    public bool Any => LateReason || ReachableTimes || LearnedInInterview || MessageMayNotHaveReached;
}

/// <summary>Fills a script's context from the application, its current interview and events, and the user.</summary>
public static class ScriptInputs
{
    /// <summary>
    /// The context for a script about <paramref name="detail"/>'s latest interview, at the advice's "now",
    /// from the user's <paramref name="profile"/>, with their own <paramref name="answers"/> when the page has them.
    /// </summary>
    public static ScriptContext Context(ApplicationDetail detail, ApplicationAdvice advice, CandidateProfile? profile, bool japanese, ScriptAnswers? answers = null)
    {
        ArgumentNullException.ThrowIfNull(detail);
        ArgumentNullException.ThrowIfNull(advice);
        var a = detail.Application;
        var interview = advice.Interview;
        var calendar = detail.Application.BusinessCalendarOrNull(detail.Policy);
        var callback = CallbackOf(detail, interview, calendar, advice.LocalNow);
        var promise = interview?.ToFacts().Promise ?? ReplyPromise.Unspecified;
        return new ScriptContext
        {
            Profile = profile ?? new CandidateProfile(),
            Company = a.Company,
            ContactPerson = a.ContactPerson,
            Route = a.Route,
            AgencyName = a.AgencyName,
            CoordinatorName = a.AgencyCoordinator,
            InterviewAt = interview?.At ?? advice.LocalNow,
            InterviewStage = interview?.Stage ?? Domain.Applications.InterviewStage.First,
            ResultTiming = ScriptTiming.From(promise),
            PromisedDate = interview?.PromiseDate,

            // The engine's own count of the callback thread (a contact from them closes it, a call logged
            // without a purpose is a callback only while one is owed): the scripts never count a second way.
            MissedCallAt = callback?.MissedAt,
            CallAttempts = callback?.FailedAttempts ?? [],
            CallbackReachedAt = callback?.ReachedAt,
            LateReason = answers?.LateReason,
            ReachableTimes = answers?.ReachableTimes,
            LearnedInInterview = answers?.LearnedInInterview,
            MessageMayNotHaveReached = answers?.MessageMayNotHaveReached ?? false,
            IsLate = callback is { IsOpen: true, IsLate: true },

            // The call hours and waits the notes quote are this application's, under the rules it follows.
            Calendar = calendar,
            Language = japanese ? ScriptLanguage.Japanese : ScriptLanguage.English,
        };
    }

    /// <summary>
    /// The questions <paramref name="kind"/> needs in <paramref name="ctx"/>: the script is written once without
    /// the answers, so a question appears exactly where the text would otherwise keep a 【…】 marker, and the
    /// 「もしかすると」 switch where the text has that variant.
    /// </summary>
    public static ScriptQuestions QuestionsFor(ScriptKind kind, ScriptContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        var bare = ctx with { LateReason = null, ReachableTimes = null, LearnedInInterview = null, MessageMayNotHaveReached = false };
        var plain = ScriptWriter.Write(kind, bare);
        var soft = ScriptWriter.Write(kind, bare with { MessageMayNotHaveReached = true });
        return new ScriptQuestions(
            plain.MissingFields.Contains(ScriptFields.LateReason),
            plain.MissingFields.Contains(ScriptFields.ReachableTimes),
            plain.MissingFields.Contains(ScriptFields.LearnedInInterview),
            soft.Body != plain.Body || soft.Subject != plain.Subject);
    }

    /// <summary>The fields the page asks for itself: a marker for one of them is not a gap in the profile.</summary>
    public static bool IsAnswerField(string key) =>
        key is ScriptFields.LateReason or ScriptFields.ReachableTimes or ScriptFields.LearnedInInterview;

    /// <summary>
    /// The scripts to offer with the primary step, most useful first: the step's own, and after a late
    /// callback that got through, the short thank-you mail (<see cref="ScriptWriter.OffersCallbackThanks"/>).
    /// </summary>
    public static ImmutableArray<ScriptKind> KindsFor(ApplicationDetail detail, ApplicationAdvice advice)
    {
        ArgumentNullException.ThrowIfNull(detail);
        ArgumentNullException.ThrowIfNull(advice);
        if (advice.Primary is not { } primary)
        {
            return [];
        }

        var rejected = detail.Events.Any(e => e.Kind == ContactEventKind.Result && e.ResultOutcome == ResultOutcome.Rejected);
        var callback = CallbackOf(detail, advice.Interview, detail.Application.BusinessCalendarOrNull(detail.Policy), advice.LocalNow);
        return ScriptWriter.KindsFor(primary.Kind, detail.Application.Route, rejected, callback, advice.LocalNow);
    }

    /// <summary>The latest callback thread of <paramref name="interview"/> as the engine counts it, if any.</summary>
    private static CallbackThread? CallbackOf(ApplicationDetail detail, Interview? interview, BusinessCalendar? calendar, DateTime now)
    {
        if (interview is null || calendar is null)
        {
            return null;
        }

        try
        {
            return EtiquetteEngine.LatestCallback(interview.ToFacts(), DomainMapping.EventsFor(interview, detail.Events), calendar, now);
        }
        catch (ArgumentException)
        {
            // Nonsensical stored data (validation prevents it): the scripts leave the callback details out.
            return null;
        }
    }
}
