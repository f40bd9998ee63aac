using System.Globalization;
using System.Net;
using System.Net.Mail;
using System.Text;
using FollowUp.Web.Infrastructure;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace FollowUp.Web.Features.Reminders;

/// <summary>Reminder emails over SMTP (System.Net.Mail), in the user's language; off while no host is set.</summary>
public sealed class ReminderEmailSender(IOptions<SmtpOptions> options, IStringLocalizer<SharedResource> localizer)
{
    private readonly SmtpOptions _smtp = options.Value;

    public bool Enabled => _smtp.Enabled;

    /// <summary>The subject and body for <paramref name="reminder"/> in <paramref name="cultureName"/> (Japanese unless English).</summary>
    public (string Subject, string Body) Compose(string? cultureName, Reminder reminder, string company)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        var culture = CultureInfo.GetCultureInfo(cultureName?.StartsWith("en", StringComparison.OrdinalIgnoreCase) == true ? "en" : "ja");
        var saved = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = culture;
            var japanese = culture.Name == "ja";
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
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
    }

    public async Task SendAsync(string to, string? cultureName, Reminder reminder, string company, CancellationToken ct = default)
    {
        var (subject, body) = Compose(cultureName, reminder, company);
        using var message = new MailMessage(_smtp.From, to)
        {
            Subject = subject,
            SubjectEncoding = Encoding.UTF8,
            Body = body,
            BodyEncoding = Encoding.UTF8,
            BodyTransferEncoding = System.Net.Mime.TransferEncoding.Base64,
        };
        using var client = new SmtpClient(_smtp.Host, _smtp.Port) { EnableSsl = _smtp.EnableSsl };
        if (!string.IsNullOrEmpty(_smtp.UserName))
        {
            client.Credentials = new NetworkCredential(_smtp.UserName, _smtp.Password);
        }
        await client.SendMailAsync(message, ct);
    }
}
