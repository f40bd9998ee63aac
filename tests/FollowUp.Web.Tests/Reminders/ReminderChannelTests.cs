using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using FollowUp.Web.Features.Reminders;
using FollowUp.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FollowUp.Web.Tests.Reminders;

/// <summary>The calendar feed, email, and two users who never see each other's reminders.</summary>
public sealed class ReminderChannelTests : IDisposable
{
    private readonly TempDirectory _data = new("followup-reminder-channels");

    [Fact]
    public async Task Calendar_feed_is_valid_rfc5545_and_a_wrong_or_replaced_secret_is_404()
    {
        await using var app = new ReminderAppFactory(_data.Path, ReminderSeed.ClockAtTokyo(11, 24, 9), scheduler: false);
        var user = await app.CreateUserAsync("feed@example.com");
        const string company = @"Acme, Inc.; R&D\Lab とても長い名前の株式会社フォローアップ・テスト・ホールディングス";
        await ReminderSeed.ApplicationAsync(app.ApplicationsFor(user), company, notes: "一次面接\n持ち物: 履歴書");
        var secret = await app.RemindersFor(user).RegenerateFeedSecretAsync();
        Assert.Matches("^[A-Za-z0-9_-]{43}$", secret);
        using var client = app.CreateClient();

        using var response = await client.GetAsync($"/calendar/{secret}.ics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var raw = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());

        // CRLF only, every physical line at most 75 octets.
        Assert.EndsWith("\r\n", raw, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', raw.Replace("\r\n", "", StringComparison.Ordinal));
        Assert.DoesNotContain('\r', raw.Replace("\r\n", "", StringComparison.Ordinal));
        var physical = raw[..^2].Split("\r\n");
        Assert.All(physical, l => Assert.InRange(Encoding.UTF8.GetByteCount(l), 1, 75));
        Assert.Contains(physical, l => l.StartsWith(' ')); // something was long enough to fold

        var lines = raw[..^2].Replace("\r\n ", "", StringComparison.Ordinal).Split("\r\n");
        Assert.Equal("BEGIN:VCALENDAR", lines[0]);
        Assert.Equal("END:VCALENDAR", lines[^1]);
        Assert.Contains("VERSION:2.0", lines);
        Assert.Contains(lines, l => l.StartsWith("PRODID:", StringComparison.Ordinal));
        var events = Regex.Matches(string.Join("\n", lines), "BEGIN:VEVENT\n(.*?)\nEND:VEVENT", RegexOptions.Singleline);
        Assert.True(events.Count >= 3, $"interview and windows expected, got {events.Count}");
        foreach (Match e in events)
        {
            var body = e.Groups[1].Value.Split('\n');
            Assert.Contains(body, l => l.StartsWith("UID:", StringComparison.Ordinal) && l.EndsWith("@followup", StringComparison.Ordinal));
            Assert.Contains(body, l => Regex.IsMatch(l, @"^DTSTAMP:\d{8}T\d{6}Z$"));
            Assert.Contains(body, l => Regex.IsMatch(l, @"^DTSTART:\d{8}T\d{6}Z$"));
            Assert.Contains("BEGIN:VALARM", body);
            Assert.Contains("END:VALARM", body);
        }
        Assert.Equal(events.Count, lines.Count(l => l.StartsWith("UID:", StringComparison.Ordinal)));
        // The interview at 10:00 in Tokyo is 01:00 UTC; text is escaped.
        Assert.Contains("DTSTART:20261124T010000Z", lines);
        Assert.Contains(lines, l => l.StartsWith("SUMMARY:", StringComparison.Ordinal) && l.Contains(@"Acme\, Inc.\; R&D\\Lab", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("DESCRIPTION:", StringComparison.Ordinal) && l.Contains(@"一次面接\n持ち物: 履歴書", StringComparison.Ordinal));

        // A wrong secret, a malformed one, and after regenerating, the old one: 404.
        var wrong = secret[..^1] + (secret[^1] == 'A' ? 'B' : 'A');
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/calendar/{wrong}.ics")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/calendar/not-a-secret.ics")).StatusCode);
        var replaced = await app.RemindersFor(user).RegenerateFeedSecretAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/calendar/{secret}.ics")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/calendar/{replaced}.ics")).StatusCode);
    }

    [Fact]
    public async Task Email_reminders_go_to_users_who_opted_in_in_their_own_language()
    {
        await using var sink = new SmtpSink();
        await using var app = new ReminderAppFactory(_data.Path, ReminderSeed.ClockAtTokyo(11, 24, 9), scheduler: false,
            new Dictionary<string, string>
            {
                ["FollowUp:Smtp:Host"] = "127.0.0.1",
                ["FollowUp:Smtp:Port"] = sink.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["FollowUp:Smtp:From"] = "reminders@followup.test",
            });
        var english = await app.CreateUserAsync("en@example.com", culture: "en");
        var japanese = await app.CreateUserAsync("ja@example.com", culture: "ja");
        var silent = await app.CreateUserAsync("off@example.com", culture: "en");
        await app.RemindersFor(english).SetEmailAsync(true);
        await app.RemindersFor(japanese).SetEmailAsync(true);
        await ReminderSeed.ApplicationAsync(app.ApplicationsFor(english), "Acme");
        await ReminderSeed.ApplicationAsync(app.ApplicationsFor(japanese), "テスト商事");
        await ReminderSeed.ApplicationAsync(app.ApplicationsFor(silent), "Quiet Ltd");

        app.SetTokyo(2026, 11, 24, 11, 0, 1);
        Assert.Equal(3, await app.Engine.DeliverDueAsync());

        var mails = sink.Messages;
        Assert.Equal(2, mails.Count);
        var en = Assert.Single(mails, m => m.To == "en@example.com");
        Assert.Equal("FollowUp: Send a thank-you email (Acme)", en.Subject);
        Assert.Contains("Acme: time for this step: Send a thank-you email.", en.Body, StringComparison.Ordinal);
        Assert.Contains("Opens: Tue Nov 24 2026, 11:00", en.Body, StringComparison.Ordinal);
        var ja = Assert.Single(mails, m => m.To == "ja@example.com");
        Assert.Equal("FollowUp：お礼メールを送る（テスト商事）", ja.Subject);
        Assert.Contains("テスト商事：「お礼メールを送る」のタイミングです。", ja.Body, StringComparison.Ordinal);
        Assert.Contains("開始：2026年11月24日(火) 11:00", ja.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(mails, m => m.To == "off@example.com");
    }

    [Fact]
    public async Task Nobody_sees_or_changes_another_users_reminders_or_feed()
    {
        await using var app = new ReminderAppFactory(_data.Path, ReminderSeed.ClockAtTokyo(11, 24, 9), scheduler: false);
        var alice = await app.CreateUserAsync("alice@example.com");
        var bob = await app.CreateUserAsync("bob@example.com");
        await ReminderSeed.ApplicationAsync(app.ApplicationsFor(alice), "Alice Corp");
        await ReminderSeed.ApplicationAsync(app.ApplicationsFor(bob), "Bob KK");
        var bobHeard = 0;
        using var subscription = app.Services.GetRequiredService<ReminderNotifier>().Subscribe(bob, _ =>
        {
            Interlocked.Increment(ref bobHeard);
            return Task.CompletedTask;
        });
        app.SetTokyo(2026, 11, 24, 11, 0, 1);
        Assert.Equal(2, await app.Engine.DeliverDueAsync());
        Assert.Equal(1, bobHeard);

        var aliceItems = await app.RemindersFor(alice).ListAsync();
        var bobItems = await app.RemindersFor(bob).ListAsync();
        Assert.All(aliceItems, i => Assert.Equal("Alice Corp", i.Company));
        Assert.All(bobItems, i => Assert.Equal("Bob KK", i.Company));
        Assert.Empty(aliceItems.Select(i => i.Id).Intersect(bobItems.Select(i => i.Id)));

        var before = await app.RemindersAsync(alice);
        var bobSide = app.RemindersFor(bob);
        foreach (var r in before)
        {
            Assert.False(await bobSide.MarkReadAsync(r.Id));
            Assert.False(await bobSide.DismissAsync(r.Id));
            Assert.Null(await bobSide.SnoozeAsync(r.Id));
        }
        Assert.Equal(
            before.Select(r => (r.Id, r.State, r.SnoozedUntilUtc, r.ReadAtUtc)),
            (await app.RemindersAsync(alice)).Select(r => (r.Id, r.State, r.SnoozedUntilUtc, r.ReadAtUtc)));
        Assert.Equal(1, await app.RemindersFor(alice).UnreadCountAsync());

        using var client = app.CreateClient();
        var aliceFeed = await client.GetStringAsync($"/calendar/{await app.RemindersFor(alice).RegenerateFeedSecretAsync()}.ics");
        var bobFeed = await client.GetStringAsync($"/calendar/{await bobSide.RegenerateFeedSecretAsync()}.ics");
        Assert.Contains("Alice Corp", aliceFeed, StringComparison.Ordinal);
        Assert.DoesNotContain("Bob KK", aliceFeed, StringComparison.Ordinal);
        Assert.Contains("Bob KK", bobFeed, StringComparison.Ordinal);
        Assert.DoesNotContain("Alice Corp", bobFeed, StringComparison.Ordinal);
    }

    public void Dispose() => _data.Dispose();
}
