using System.Collections.Immutable;
using FollowUp.Domain.Advice;
using FollowUp.Domain.Applications;
using FollowUp.Domain.Scripts.Templates;

namespace FollowUp.Domain.Scripts;

/// <summary>Writes the ready-to-use email and phone scripts, and says which fit a step.</summary>
public static class ScriptWriter
{
    // As long as the interview's thank-you (R11): a note of thanks is only natural soon after the call.
    private static readonly TimeSpan s_callbackThanksWindow = TimeSpan.FromHours(48);

    /// <summary>Writes one script from the context, marking (and listing) whatever the context lacks.</summary>
    /// <param name="kind">Which script.</param>
    /// <param name="ctx">What the script may mention; its <see cref="ScriptContext.Language"/> picks the language.</param>
    /// <returns>The script.</returns>
    public static Script Write(ScriptKind kind, ScriptContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(ctx.Profile);
        var slots = new Slots(ctx);
        var ja = ctx.Language == ScriptLanguage.Japanese;
        var draft = kind switch
        {
            ScriptKind.ThankYouEmail => ThankYouEmail.Write(slots, ja),
            ScriptKind.CallbackPhone => CallbackPhone.Write(slots, ja),
            ScriptKind.AbsentOrVoicemailMessage => AbsentOrVoicemailMessage.Write(slots, ja, followUp: false),
            ScriptKind.FollowUpAbsentOrVoicemailMessage => AbsentOrVoicemailMessage.Write(slots, ja, followUp: true),
            ScriptKind.FollowUpEmail => FollowUpEmail.Write(slots, ja),
            ScriptKind.FollowUpPhone => FollowUpPhone.Write(slots, ja),
            ScriptKind.EmailInstead => EmailInstead.Write(slots, ja),
            ScriptKind.FeedbackRequestEmail => FeedbackRequestEmail.Write(slots, ja),
            ScriptKind.CallbackThanksEmail => CallbackThanksEmail.Write(slots, ja),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown script kind."),
        };

        return new Script(kind, ChannelOf(kind), draft.Subject, draft.Body, slots.Missing) { Notes = draft.Notes };
    }

    /// <summary>Whether a kind is sent by email or said on the phone.</summary>
    /// <param name="kind">The script kind.</param>
    /// <returns>Its channel.</returns>
    public static ScriptChannel ChannelOf(ScriptKind kind) => kind switch
    {
        ScriptKind.CallbackPhone or ScriptKind.AbsentOrVoicemailMessage or ScriptKind.FollowUpPhone
            or ScriptKind.FollowUpAbsentOrVoicemailMessage => ScriptChannel.Phone,
        _ => ScriptChannel.Email,
    };

    /// <summary>Whether a script is only an option the user may skip (the feedback request).</summary>
    /// <param name="kind">The script kind.</param>
    /// <returns><see langword="true"/> for optional scripts.</returns>
    public static bool IsOptional(ScriptKind kind) => kind == ScriptKind.FeedbackRequestEmail;

    /// <summary>
    /// The scripts that fit a step, most useful first. Every kind has direct and agency wording, so the
    /// route does not change the list today; it is taken so callers need not change if it ever does.
    /// </summary>
    /// <param name="step">The step the engine advises.</param>
    /// <param name="route">How the candidate applied.</param>
    /// <param name="rejected">
    /// The company said no (a rejected result). Only then do <see cref="StepKind.MoveOn"/> and
    /// <see cref="StepKind.Done"/> offer the optional feedback request: asking a silent company for
    /// feedback would read as a disguised inquiry.
    /// </param>
    /// <returns>The fitting kinds; empty when no script fits (e.g. <see cref="StepKind.Prepare"/>).</returns>
    public static ImmutableArray<ScriptKind> KindsFor(StepKind step, ApplicationRoute route, bool rejected = false)
    {
        _ = route;
        return step switch
        {
            StepKind.CallBack or StepKind.RetryCall => [ScriptKind.CallbackPhone, ScriptKind.AbsentOrVoicemailMessage],
            StepKind.EmailInstead => [ScriptKind.EmailInstead],
            StepKind.SendThankYou => [ScriptKind.ThankYouEmail],
            StepKind.FollowUp => [ScriptKind.FollowUpEmail, ScriptKind.FollowUpPhone, ScriptKind.FollowUpAbsentOrVoicemailMessage],
            StepKind.MoveOn or StepKind.Done when rejected => [ScriptKind.FeedbackRequestEmail],
            _ => [],
        };
    }

    /// <summary>
    /// As <see cref="KindsFor(StepKind, ApplicationRoute, bool)"/>, and first the short thank-you mail after a
    /// late callback when <see cref="OffersCallbackThanks"/> says so.
    /// </summary>
    /// <param name="step">The step the engine advises.</param>
    /// <param name="route">How the candidate applied.</param>
    /// <param name="rejected">The company said no (see the other overload).</param>
    /// <param name="callback">The latest callback thread (<see cref="EtiquetteEngine.LatestCallback"/>), if any.</param>
    /// <param name="now">The current local wall-clock time.</param>
    /// <returns>The fitting kinds, most useful first.</returns>
    public static ImmutableArray<ScriptKind> KindsFor(StepKind step, ApplicationRoute route, bool rejected, CallbackThread? callback, DateTime now)
    {
        var kinds = KindsFor(step, route, rejected);
        return OffersCallbackThanks(step, callback, now) ? [ScriptKind.CallbackThanksEmail, .. kinds] : kinds;
    }

    /// <summary>
    /// Whether to suggest <see cref="ScriptKind.CallbackThanksEmail"/>: a late callback (the engine's R4) got
    /// through at most 48 hours ago — the same window as the interview's thank-you — and the selection is
    /// not over (its "I still wish to continue" would be wrong after an offer, a rejection or a next round).
    /// Seed 001: after calling back late, a short mail with thanks and the apology.
    /// </summary>
    /// <param name="step">The step the engine advises.</param>
    /// <param name="callback">The latest callback thread, if any.</param>
    /// <param name="now">The current local wall-clock time.</param>
    /// <returns><see langword="true"/> when the mail fits now.</returns>
    public static bool OffersCallbackThanks(StepKind step, CallbackThread? callback, DateTime now) =>
        step != StepKind.Done
        && callback is { IsLate: true, IsOpen: false, ReachedAt: { } reached }
        && now >= reached
        && now < reached + s_callbackThanksWindow;
}
