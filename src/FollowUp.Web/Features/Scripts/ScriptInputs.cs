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

/// <summary>Fills a script's context from the application, its current interview and events, and the user.</summary>
public static class ScriptInputs
{
    /// <summary>
    /// The context for a script about <paramref name="detail"/>'s latest interview, at the advice's "now",
    /// with the user's own <paramref name="answers"/> when the page has them.
    /// </summary>
    public static ScriptContext Context(ApplicationDetail detail, ApplicationAdvice advice, AppUser? user, bool japanese, ScriptAnswers? answers = null)
    {
        ArgumentNullException.ThrowIfNull(detail);
        ArgumentNullException.ThrowIfNull(advice);
        var a = detail.Application;
        var interview = advice.Interview;
        var calendar = CalendarOf(detail);
        var callback = CallbackOf(detail, interview, calendar, advice.LocalNow);
        var promise = interview?.ToFacts().Promise ?? ReplyPromise.Unspecified;
        return new ScriptContext
        {
            Profile = new CandidateProfile(user?.FullName, user?.Furigana, user?.Affiliation, user?.PhoneNumber, user?.Email),
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
        var callback = CallbackOf(detail, advice.Interview, CalendarOf(detail), advice.LocalNow);
        return ScriptWriter.KindsFor(primary.Kind, detail.Application.Route, rejected, callback, advice.LocalNow);
    }

    /// <summary>The application's calendar under its rules; null when the stored calendar is unusable (as for the advice).</summary>
    private static BusinessCalendar? CalendarOf(ApplicationDetail detail)
    {
        try
        {
            return new BusinessCalendar(detail.Application.ToCalendar(), detail.Policy);
        }
        catch (ArgumentException)
        {
            return null;
        }
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
