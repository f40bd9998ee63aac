namespace FollowUp.Web.Features.Reminders;

/// <summary>Settings under <c>FollowUp:Reminders</c>.</summary>
public sealed class ReminderOptions
{
    /// <summary>How often the reconcile job re-plans reminder delivery from the database (1–59).</summary>
    public int ReconcileMinutes { get; set; } = 5;
}
