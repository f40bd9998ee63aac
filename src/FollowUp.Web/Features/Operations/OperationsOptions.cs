namespace FollowUp.Web.Features.Operations;

/// <summary>
/// Settings under <c>FollowUp:Operations</c>: who administers the app and how much job history /ops keeps. Read from
/// <c>FollowUp:Reminders</c> too, where releases before 2026-12 kept them; a key under Operations wins. So that an
/// old key set by the operator still counts, appsettings.json sets none of these: the defaults are here.
/// </summary>
public sealed class OperationsOptions
{
    /// <summary>Configuration sections read in order, the later winning.</summary>
    public static readonly string[] Sections = ["FollowUp:Reminders", "FollowUp:Operations"];

    /// <summary>Members of this role may open the operations page (granted by <c>admin grant</c>; see <see cref="OpsAccess"/>).</summary>
    public string AdminRole { get; set; } = "Admin";

    /// <summary>How many runs of each job the operations page keeps (newest first).</summary>
    public int JobRunsKeptPerJob { get; set; } = 200;

    /// <summary>Failures younger than this many days are kept even beyond <see cref="JobRunsKeptPerJob"/>.</summary>
    public int JobFailuresKeptDays { get; set; } = 30;
}
