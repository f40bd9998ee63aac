namespace FollowUp.Domain.Applications;

/// <summary>How the candidate applied (応募経路).</summary>
public enum ApplicationRoute
{
    /// <summary>Directly to the company (直接応募).</summary>
    Direct,
    /// <summary>Through a staffing agency (派遣会社); an agency coordinator is the contact.</summary>
    StaffingAgency,
    /// <summary>Through a job site (求人サイト).</summary>
    JobSite,
    /// <summary>A part-time job (アルバイト・パート).</summary>
    PartTime,
}

/// <summary>Which round an interview is.</summary>
public enum InterviewStage
{
    /// <summary>First interview (一次面接).</summary>
    First,
    /// <summary>Second interview (二次面接).</summary>
    Second,
    /// <summary>Final interview (最終面接).</summary>
    Final,
    /// <summary>Meeting with the client arranged by a staffing agency (顔合わせ).</summary>
    AgencyMeeting,
    /// <summary>Any other interview.</summary>
    Other,
}
