namespace FollowUp.Domain.Scripts;

/// <summary>
/// Stable keys for the fields a script could not fill; they appear in <see cref="Script.MissingFields"/>
/// so the UI can point the user at the form field to complete.
/// </summary>
public static class ScriptFields
{
    /// <summary>The candidate's full name.</summary>
    public const string FullName = "profile.fullName";
    /// <summary>The candidate's phone number.</summary>
    public const string Phone = "profile.phone";
    /// <summary>The candidate's email address.</summary>
    public const string Email = "profile.email";
    /// <summary>The company's name.</summary>
    public const string Company = "application.company";
    /// <summary>The staffing agency's name (agency applications).</summary>
    public const string AgencyName = "application.agencyName";
    /// <summary>One specific thing learned in the interview (thank-you email).</summary>
    public const string LearnedInInterview = "interview.learned";
    /// <summary>The short reason a callback is late.</summary>
    public const string LateReason = "callback.lateReason";
    /// <summary>When the candidate can take calls from now on.</summary>
    public const string ReachableTimes = "contact.reachableTimes";
}
