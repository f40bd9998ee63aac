namespace FollowUp.Domain.Scripts;

/// <summary>The ready-to-use scripts the app can write.</summary>
public enum ScriptKind
{
    /// <summary>Thank-you email after the interview (面接のお礼メール), within 48 hours.</summary>
    ThankYouEmail,
    /// <summary>Returning a missed call (折り返し電話); direct, agency and late (apology) variants.</summary>
    CallbackPhone,
    /// <summary>What to say when the person is out (伝言) or the call goes to voicemail (留守番電話), returning their call.</summary>
    AbsentOrVoicemailMessage,
    /// <summary>The one follow-up inquiry by email (面接結果に関するご確認).</summary>
    FollowUpEmail,
    /// <summary>The one follow-up inquiry by phone; a soft variant when a message may not have reached the candidate.</summary>
    FollowUpPhone,
    /// <summary>Reply by email when callbacks did not connect.</summary>
    EmailInstead,
    /// <summary>Optional request for brief feedback after a rejection.</summary>
    FeedbackRequestEmail,
    /// <summary>
    /// What to say when the person is out or the call goes to voicemail during the follow-up call: who is
    /// calling, about the selection, a call back at their convenience, the number said slowly.
    /// </summary>
    FollowUpAbsentOrVoicemailMessage,
    /// <summary>
    /// A short mail after a late callback got through (お電話のお礼): thanks for taking the call, the apology
    /// once more, and that one wishes to continue. See <see cref="ScriptWriter.OffersCallbackThanks"/>.
    /// </summary>
    CallbackThanksEmail,
}

/// <summary>How a script is delivered.</summary>
public enum ScriptChannel
{
    /// <summary>An email to send (has a subject).</summary>
    Email,
    /// <summary>Words to say on the phone (no subject).</summary>
    Phone,
}

/// <summary>The language a script is written in.</summary>
public enum ScriptLanguage
{
    /// <summary>Japanese business style (敬語).</summary>
    Japanese,
    /// <summary>English.</summary>
    English,
}
