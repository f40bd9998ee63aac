using System.Collections.Immutable;
using FollowUp.Domain.Advice;
using FollowUp.Domain.Applications;
using FollowUp.Domain.Scripts.Templates;

namespace FollowUp.Domain.Scripts;

/// <summary>Writes the ready-to-use email and phone scripts, and says which fit a step.</summary>
public static class ScriptWriter
{
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
}
