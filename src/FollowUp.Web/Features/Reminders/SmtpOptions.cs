namespace FollowUp.Web.Features.Reminders;

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
