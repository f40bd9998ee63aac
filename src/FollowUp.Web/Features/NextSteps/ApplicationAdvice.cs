using FollowUp.Domain.Advice;
using FollowUp.Web.Data;
using FollowUp.Web.Features.Applications;

namespace FollowUp.Web.Features.NextSteps;

/// <summary>The rules' answer for one application: its current interview, the advice, and "now" on the company's clock.</summary>
/// <param name="Interview">The interview the advice is about (the latest one), if any.</param>
/// <param name="Advice">The engine's steps; null when there is no interview yet or the calendar cannot be used.</param>
/// <param name="LocalNow">Now, in the application's time zone.</param>
public sealed record ApplicationAdvice(Interview? Interview, Advice? Advice, DateTime LocalNow)
{
    /// <summary>The step to show first, if any.</summary>
    public NextStep? Primary => Advice?.Primary;

    /// <summary>
    /// Runs the rules for <paramref name="application"/>'s latest interview under <paramref name="policy"/>
    /// (the effective one: see <see cref="PolicySettings.Effective"/>). The rows must all belong to the
    /// application; closures must be loaded.
    /// </summary>
    public static ApplicationAdvice For(
        JobApplication application, IEnumerable<Interview> interviews, IEnumerable<ContactEventRecord> events,
        EtiquettePolicy policy, DateTimeOffset utcNow)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(policy);
        var now = DomainMapping.ToLocal(utcNow, application.TimeZoneId);
        var interview = interviews.OrderBy(i => i.At).ThenBy(i => i.Id).LastOrDefault();
        if (interview is null)
        {
            return new ApplicationAdvice(null, null, now);
        }
        try
        {
            var advice = EtiquetteEngine.Advise(
                interview.ToFacts(), DomainMapping.EventsFor(interview, events), application.ToCalendar(), policy, now);
            return new ApplicationAdvice(interview, advice, now);
        }
        catch (ArgumentException)
        {
            // A calendar with no business day at all (validation prevents it; old data might not): no advice rather than a crash.
            return new ApplicationAdvice(interview, null, now);
        }
    }
}
