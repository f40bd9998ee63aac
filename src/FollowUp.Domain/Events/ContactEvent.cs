namespace FollowUp.Domain.Events;

/// <summary>
/// Something that happened between the candidate and the company (or agency) after an application.
/// Times are wall-clock times in the company calendar's time zone.
/// </summary>
/// <param name="At">When it happened (local wall-clock time).</param>
public abstract record ContactEvent(DateTime At);

/// <summary>They called and the candidate missed it (不在着信).</summary>
/// <param name="At">When the call came in.</param>
/// <param name="Voicemail">What their voicemail, if any, said.</param>
public sealed record MissedCall(DateTime At, VoicemailKind Voicemail) : ContactEvent(At);

/// <summary>The candidate called the company.</summary>
/// <param name="At">When the call was made.</param>
/// <param name="Outcome">How the call went.</param>
/// <param name="Purpose">
/// Why the call was made; <see langword="null"/> means a callback while one is owed, otherwise a follow-up.
/// </param>
public sealed record CallMade(DateTime At, CallOutcome Outcome, CallPurpose? Purpose = null) : ContactEvent(At);

/// <summary>The candidate sent an email.</summary>
/// <param name="At">When it was sent.</param>
/// <param name="Purpose">What the email was for.</param>
public sealed record EmailSent(DateTime At, EmailPurpose Purpose) : ContactEvent(At);

/// <summary>The company reached the candidate (a call that was taken, an email).</summary>
/// <param name="At">When they got through.</param>
/// <param name="Channel">How they got through.</param>
public sealed record ContactReceived(DateTime At, ContactChannel Channel) : ContactEvent(At);

/// <summary>The company told the candidate where the selection stands (選考結果).</summary>
/// <param name="At">When the result was received.</param>
/// <param name="Outcome">What they said.</param>
/// <param name="NewDate">For <see cref="ResultOutcome.UnderReview"/>: the new date by which they will reply, if given.</param>
public sealed record ResultReceived(DateTime At, ResultOutcome Outcome, DateOnly? NewDate = null) : ContactEvent(At);

/// <summary>The candidate chose not to send a thank-you email (お礼メール).</summary>
/// <param name="At">When the choice was made.</param>
public sealed record ThankYouSkipped(DateTime At) : ContactEvent(At);

/// <summary>What a voicemail left with a missed call said (留守番電話).</summary>
public enum VoicemailKind
{
    /// <summary>No voicemail was left.</summary>
    None,
    /// <summary>"Please call us back" (折り返しお願いします).</summary>
    CallBack,
    /// <summary>"We will call again" (改めてお電話します); a callback is still expected.</summary>
    WillCallAgain,
    /// <summary>A voicemail that could not be made out.</summary>
    Unclear,
    /// <summary>"No need to call back" (折り返し不要): the only voicemail that waives the callback.</summary>
    NoCallbackNeeded,
}

/// <summary>How a call the candidate made went.</summary>
public enum CallOutcome
{
    /// <summary>The right person was reached.</summary>
    Reached,
    /// <summary>Nobody answered.</summary>
    NoAnswer,
    /// <summary>Someone took a message (伝言).</summary>
    LeftMessage,
    /// <summary>A voicemail was left (留守電).</summary>
    LeftVoicemail,
}

/// <summary>Why the candidate made a call.</summary>
public enum CallPurpose
{
    /// <summary>Returning their call (折り返し).</summary>
    CallBack,
    /// <summary>Asking about the result (問い合わせ).</summary>
    FollowUp,
}

/// <summary>What an email the candidate sent was for.</summary>
public enum EmailPurpose
{
    /// <summary>A thank-you after the interview (お礼メール).</summary>
    ThankYou,
    /// <summary>The one follow-up about the result (問い合わせ).</summary>
    FollowUp,
    /// <summary>Anything else, such as a reply when calls did not connect.</summary>
    Other,
}

/// <summary>How the company got through to the candidate.</summary>
public enum ContactChannel
{
    /// <summary>A call the candidate took.</summary>
    Phone,
    /// <summary>An email.</summary>
    Email,
}

/// <summary>What the company said about the selection.</summary>
public enum ResultOutcome
{
    /// <summary>An offer (内定・採用).</summary>
    Offer,
    /// <summary>A rejection (不採用).</summary>
    Rejected,
    /// <summary>Invited to the next round (次の選考へ).</summary>
    NextRound,
    /// <summary>Still under review (選考中), optionally with a new reply date.</summary>
    UnderReview,
}
