using System.Collections.Immutable;
using FollowUp.Domain.Advice;
using FollowUp.Domain.Calendar;
using FollowUp.Domain.Events;
using FollowUp.Web.Data;
using FollowUp.Web.Features.Applications;
using FollowUp.Web.Infrastructure;

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
        EtiquettePolicy policy, DateTimeOffset utcNow) =>
        AdviceInputs.From(application, interviews, events, policy).At(utcNow);
}

/// <summary>
/// Everything the rules need about one application, prepared once from its rows: the latest interview as
/// facts, its events in domain form and the company's business calendar under the effective policy. Immutable, so a cached copy can
/// serve many requests; only <see cref="At"/> depends on the time.
/// </summary>
/// <param name="Zone">The application's time zone (the company's clock).</param>
/// <param name="Interview">The latest interview, if any.</param>
/// <param name="Facts">That interview as the rules see it.</param>
/// <param name="Events">The interview's events in domain form.</param>
/// <param name="Calendar">The company's calendar under the policy; null when the stored calendar is unusable.</param>
public sealed record AdviceInputs(
    TimeZoneInfo Zone, Interview? Interview, InterviewFacts? Facts, ImmutableArray<ContactEvent> Events, BusinessCalendar? Calendar)
{
    /// <summary>Prepares the inputs for <paramref name="application"/> (closures loaded) from its interviews and
    /// events, under <paramref name="policy"/> (the effective one: see <see cref="PolicySettings.Effective"/>).</summary>
    public static AdviceInputs From(
        JobApplication application, IEnumerable<Interview> interviews, IEnumerable<ContactEventRecord> events, EtiquettePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(interviews);
        ArgumentNullException.ThrowIfNull(events);
        var zone = TimeZones.Find(application.TimeZoneId);
        var interview = interviews.OrderBy(i => i.At).ThenBy(i => i.Id).LastOrDefault();
        if (interview is null)
        {
            return new AdviceInputs(zone, null, null, [], null);
        }
        return new AdviceInputs(zone, interview, interview.ToFacts(), DomainMapping.EventsFor(interview, events),
            application.BusinessCalendarOrNull(policy));
    }

    /// <summary>The advice at <paramref name="utcNow"/>: a pure function of the inputs and the time.</summary>
    public ApplicationAdvice At(DateTimeOffset utcNow)
    {
        var now = LocalNow(utcNow);
        if (Facts is not { } facts || Calendar is null)
        {
            return new ApplicationAdvice(Interview, null, now);
        }
        try
        {
            return new ApplicationAdvice(Interview, EtiquetteEngine.Advise(facts, Events, Calendar, now), now);
        }
        catch (ArgumentException)
        {
            // Nonsensical stored data (validation prevents it): no advice rather than a crash.
            return new ApplicationAdvice(Interview, null, now);
        }
    }

    /// <summary>
    /// As <see cref="At"/>, but the advice holds only the primary step (its <c>Steps</c> is just that step) and
    /// that step's explanation is <see cref="LocalizedText.Empty"/>: what lists group and sort by, for a
    /// fraction of the work. <see cref="ExplainedPrimary"/> writes the explanation where a card shows it.
    /// </summary>
    public ApplicationAdvice PrimaryAt(DateTimeOffset utcNow)
    {
        var now = LocalNow(utcNow);
        return PrimaryStep(now, explain: false) is { } primary
            ? new ApplicationAdvice(Interview, new Advice(primary, [primary]), now)
            : new ApplicationAdvice(Interview, null, now);
    }

    /// <summary>The primary step at <paramref name="localNow"/> (the application's clock) with its explanation.</summary>
    public NextStep? ExplainedPrimary(DateTime localNow) => PrimaryStep(localNow, explain: true);

    /// <summary>
    /// Just the primary step at <paramref name="localNow"/> (the application's clock), explained or not; null
    /// when there is no interview or the stored data cannot be used. The cheapest question the rules answer.
    /// </summary>
    public NextStep? PrimaryStep(DateTime localNow, bool explain)
    {
        if (Facts is not { } facts || Calendar is null)
        {
            return null;
        }
        try
        {
            return EtiquetteEngine.Primary(facts, Events, Calendar, localNow, explain);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Now on the application's clock.</summary>
    public DateTime LocalNow(DateTimeOffset utcNow) => TimeZones.ToLocal(utcNow, Zone);
}
