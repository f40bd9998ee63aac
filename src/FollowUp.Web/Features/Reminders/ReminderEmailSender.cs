using System.Text;
using FollowUp.Web.Infrastructure;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MimeKit;

namespace FollowUp.Web.Features.Reminders;

/// <summary>Reminder emails over SMTP (MailKit), in the user's language; off while no host is set.</summary>
public sealed class ReminderEmailSender(IOptions<SmtpOptions> options, IStringLocalizer<SharedResource> localizer)
{
    private readonly SmtpOptions _smtp = options.Value;

    public bool Enabled => _smtp.Enabled;

    /// <summary>The subject and body for <paramref name="reminder"/> in <paramref name="cultureName"/> (Japanese unless English).</summary>
    public (string Subject, string Body) Compose(string? cultureName, Reminder reminder, string company)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        var language = AppCultures.Of(cultureName);
        using (AppCultures.Use(language))
        {
            var japanese = language == AppCultures.Japanese;
            var step = localizer[$"Step.{reminder.StepKind}"].Value;
            var subject = localizer[$"Reminders.Email.Subject.{reminder.Kind}", step, company].Value;
            var body = new StringBuilder()
                .AppendLine(localizer[$"Reminders.Message.{reminder.Kind}", step, company].Value)
                .AppendLine()
                .AppendLine(localizer["Reminders.Email.Opens", DateText.DateTime(reminder.OpensAt, japanese)].Value);
            if (reminder.ClosesAt is { } closes)
            {
                body.AppendLine(localizer["Reminders.Email.Closes", DateText.DateTime(closes, japanese)].Value);
            }
            body.AppendLine().AppendLine(localizer["Reminders.Email.Footer"].Value);
            return (subject, body.ToString());
        }
    }

    public async Task SendAsync(string to, string? cultureName, Reminder reminder, string company, CancellationToken ct = default)
    {
        var (subject, body) = Compose(cultureName, reminder, company);
        using var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(_smtp.From));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.Body = new TextPart("plain") { Text = body };

        using var client = new SmtpClient();
        // EnableSsl: TLS from the first byte on the SMTPS port (465), STARTTLS elsewhere.
        var security = !_smtp.EnableSsl ? SecureSocketOptions.None
            : _smtp.Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls;
        await client.ConnectAsync(_smtp.Host ?? throw new InvalidOperationException("No SMTP host is set."), _smtp.Port, security, ct);
        if (!string.IsNullOrEmpty(_smtp.UserName))
        {
            await client.AuthenticateAsync(_smtp.UserName, _smtp.Password ?? "", ct);
        }
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(quit: true, ct);
    }
}
