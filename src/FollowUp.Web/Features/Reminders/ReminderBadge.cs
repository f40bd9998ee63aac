namespace FollowUp.Web.Features.Reminders;

/// <summary>Per circuit: tells the header bell to recount after the reminders page changed something.</summary>
public sealed class ReminderBadge
{
    public event Action? Changed;

    public void Refresh() => Changed?.Invoke();
}
