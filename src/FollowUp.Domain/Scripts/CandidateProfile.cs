namespace FollowUp.Domain.Scripts;

/// <summary>What the scripts need to know about the candidate; any field may be missing.</summary>
/// <param name="FullName">Full name as it should appear (e.g. 山田 太郎).</param>
/// <param name="Furigana">Reading of the name (やまだ たろう); shown in the Japanese signature when given.</param>
/// <param name="Affiliation">
/// The signature's affiliation line for direct applications (school and faculty, current company); optional.
/// Agency applications sign with the registration at their agency instead.
/// </param>
/// <param name="Phone">The candidate's phone number, as they write it.</param>
/// <param name="Email">The candidate's email address.</param>
public sealed record CandidateProfile(
    string? FullName = null,
    string? Furigana = null,
    string? Affiliation = null,
    string? Phone = null,
    string? Email = null);
