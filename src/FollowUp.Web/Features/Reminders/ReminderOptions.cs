namespace FollowUp.Web.Features.Reminders;

/// <summary>Settings under <c>FollowUp:Reminders</c>.</summary>
public sealed class ReminderOptions
{
    /// <summary>How often the reconcile job re-plans reminder delivery from the database (1–59).</summary>
    public int ReconcileMinutes { get; set; } = 5;

    /// <summary>Members of this role may open the operations page (granted by <c>admin grant</c>; see <see cref="OpsAccess"/>).</summary>
    public string AdminRole { get; set; } = "Admin";

    /// <summary>How many runs of each job the operations page keeps (newest first).</summary>
    public int JobRunsKeptPerJob { get; set; } = 200;

    /// <summary>Failures younger than this many days are kept even beyond <see cref="JobRunsKeptPerJob"/>.</summary>
    public int JobFailuresKeptDays { get; set; } = 30;
}

/// <summary>Settings under <c>FollowUp:Smtp</c>; email is off while <see cref="Host"/> is empty.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    public bool EnableSsl { get; set; }
    public string From { get; set; } = "followup@localhost";
    public string? UserName { get; set; }
    public string? Password { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(Host);
}
