using System.Collections.Immutable;
using FollowUp.Domain.Advice;
using FollowUp.Domain.Events;
using FollowUp.Domain.Scripts;
using FollowUp.Web.Data;
using FollowUp.Web.Features.Applications;
using FollowUp.Web.Features.NextSteps;

namespace FollowUp.Web.Features.Scripts;

/// <summary>Fills a script's context from the application, its current interview and events, and the user.</summary>
public static class ScriptInputs
{
    public static ScriptContext Context(ApplicationDetail detail, ApplicationAdvice advice, AppUser? user, bool japanese)
    {
        ArgumentNullException.ThrowIfNull(detail);
        ArgumentNullException.ThrowIfNull(advice);
        var a = detail.Application;
        var interview = advice.Interview;
        var events = interview is null ? [] : DomainMapping.EventsFor(interview, detail.Events);
        var lastMissed = events.OfType<MissedCall>().LastOrDefault(m => m.Voicemail != VoicemailKind.NoCallbackNeeded);
        var attempts = lastMissed is null
            ? ImmutableArray<DateTime>.Empty
            : [.. events.OfType<CallMade>().Where(c => c.At > lastMissed.At && c.Outcome != CallOutcome.Reached && c.Purpose != CallPurpose.FollowUp).Select(c => c.At)];
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
            MissedCallAt = lastMissed?.At,
            CallAttempts = attempts,
            IsLate = advice.Primary is { Kind: StepKind.CallBack, Overdue: true },
            Now = advice.LocalNow,
            Language = japanese ? ScriptLanguage.Japanese : ScriptLanguage.English,
        };
    }
}
