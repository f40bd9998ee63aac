using System.Globalization;
using FollowUp.Domain.Advice;
using FollowUp.Domain.Events;
using FollowUp.Web.Data;
using FollowUp.Web.Features.Applications;
using FollowUp.Web.Infrastructure;
using FollowUp.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace FollowUp.Web.Tests.Applications;

/// <summary>
/// Bad input is refused by the service (not only by the form), names the field, writes nothing, and
/// its message exists in Japanese and in English.
/// </summary>
[Trait("Database", "Both")]
public sealed class BadInputTests(FollowUpAppFactory app) : IClassFixture<FollowUpAppFactory>, IAsyncLifetime
{
    private static readonly string HundredKb = new('あ', 100 * 1024);

    private string _owner = "";
    private SeededApplication _seeded = null!;

    private ApplicationService Service => app.ServiceFor(_owner);

    public async Task InitializeAsync()
    {
        _owner = await app.CreateUserAsync($"bad-input-{Guid.NewGuid():N}@example.jp");
        _seeded = await Seed.ApplicationWithHistoryAsync(Service, "株式会社テスト");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public async Task Empty_company_is_refused(string? company)
    {
        var input = Seed.Application("x");
        input.Company = company;
        await AssertRefusedAsync(() => Service.CreateAsync(input), "Company", "Validation.Required");
        await AssertRefusedAsync(() => Service.UpdateAsync(_seeded.ApplicationId, input), "Company", "Validation.Required");
    }

    [Theory]
    [InlineData("10000-01-01")]
    [InlineData("1999-12-31")]
    [InlineData("2101-01-01")]
    [InlineData("2026-02-30")]
    [InlineData("2026/11/20")]
    [InlineData("20261120")]
    public async Task Interview_date_outside_the_accepted_range_or_format_is_refused(string date)
    {
        var input = Seed.Interview();
        input.Date = date;
        await AssertRefusedAsync(() => Service.AddInterviewAsync(_seeded.ApplicationId, input), "Date", "Validation.Date", 2000, 2100);
        await AssertRefusedAsync(() => Service.UpdateInterviewAsync(_seeded.InterviewId, input), "Date", "Validation.Date", 2000, 2100);
    }

    [Fact]
    public async Task A_100_kb_note_is_refused_on_application_interview_and_event()
    {
        var application = Seed.Application("株式会社ノート");
        application.Notes = HundredKb;
        await AssertRefusedAsync(() => Service.CreateAsync(application), "Notes", "Validation.TooLong", 4000, HundredKb.Length);
        await AssertRefusedAsync(() => Service.UpdateAsync(_seeded.ApplicationId, application), "Notes", "Validation.TooLong", 4000, HundredKb.Length);

        var interview = Seed.Interview();
        interview.Notes = HundredKb;
        await AssertRefusedAsync(() => Service.AddInterviewAsync(_seeded.ApplicationId, interview), "Notes", "Validation.TooLong", 4000, HundredKb.Length);
        await AssertRefusedAsync(() => Service.UpdateInterviewAsync(_seeded.InterviewId, interview), "Notes", "Validation.TooLong", 4000, HundredKb.Length);

        var ev = Seed.MissedCall();
        ev.Note = HundredKb;
        await AssertRefusedAsync(() => Service.LogEventAsync(_seeded.ApplicationId, ev), "Note", "Validation.TooLong", 4000, HundredKb.Length);
    }

    [Theory]
    [InlineData(ReplyPromiseKind.WithinDays, -1)]
    [InlineData(ReplyPromiseKind.WithinDays, 0)]
    [InlineData(ReplyPromiseKind.WithinBusinessDays, -3)]
    [InlineData(ReplyPromiseKind.WithinBusinessDays, 0)]
    [InlineData(ReplyPromiseKind.WithinWeeks, 0)]
    [InlineData(ReplyPromiseKind.WithinDays, 366)]
    public async Task Within_n_days_must_be_at_least_one(ReplyPromiseKind kind, int count)
    {
        var input = Seed.Interview();
        input.PromiseKind = kind;
        input.PromiseCount = count;
        await AssertRefusedAsync(() => Service.AddInterviewAsync(_seeded.ApplicationId, input), "PromiseCount", "Validation.Range", 1, 365);
        await AssertRefusedAsync(() => Service.UpdateInterviewAsync(_seeded.InterviewId, input), "PromiseCount", "Validation.Range", 1, 365);
    }

    [Theory]
    [InlineData("not-an-email")]
    [InlineData("a@b@example.jp")]
    [InlineData("tanaka@")]
    [InlineData("田中 <tanaka@example.jp>")]
    [InlineData("tanaka@example.jp; sato@example.jp")]
    public async Task An_invalid_email_is_refused(string email)
    {
        var input = Seed.Application("株式会社メール");
        input.Email = email;
        await AssertRefusedAsync(() => Service.CreateAsync(input), "Email", "Validation.Email");
        await AssertRefusedAsync(() => Service.UpdateAsync(_seeded.ApplicationId, input), "Email", "Validation.Email");
    }

    [Theory]
    [InlineData("18:00", "09:00")]
    [InlineData("09:00", "09:00")]
    [InlineData("09:00", "08:59")]
    public async Task Closing_time_before_opening_is_refused(string opens, string closes)
    {
        var input = Seed.Application("株式会社営業時間");
        input.OpensAt = opens;
        input.ClosesAt = closes;
        await AssertRefusedAsync(() => Service.CreateAsync(input), "ClosesAt", "Validation.BusinessHours");
        await AssertRefusedAsync(() => Service.UpdateAsync(_seeded.ApplicationId, input), "ClosesAt", "Validation.BusinessHours");
    }

    [Fact]
    public async Task An_event_with_a_bad_date_or_undefined_kind_is_refused()
    {
        var badDate = Seed.MissedCall();
        badDate.Date = "10000-01-01";
        await AssertRefusedAsync(() => Service.LogEventAsync(_seeded.ApplicationId, badDate), "Date", "Validation.Date", 2000, 2100);

        var badKind = Seed.MissedCall();
        badKind.Kind = (ContactEventKind)99;
        await AssertRefusedAsync(() => Service.LogEventAsync(_seeded.ApplicationId, badKind), "Kind", "Validation.Choice");

        var badVoicemail = Seed.MissedCall();
        badVoicemail.Voicemail = (VoicemailKind)42;
        await AssertRefusedAsync(() => Service.LogEventAsync(_seeded.ApplicationId, badVoicemail), "Kind", "Validation.Choice");
    }

    [Theory]
    [InlineData(ContactEventKind.MissedCall)]
    [InlineData(ContactEventKind.CallMade)]
    [InlineData(ContactEventKind.EmailSent)]
    [InlineData(ContactEventKind.Result)]
    public async Task An_event_dated_after_now_is_refused(ContactEventKind kind)
    {
        var now = Service.LocalNow("Asia/Tokyo");
        var ev = Seed.MissedCall();
        ev.Kind = kind;
        var later = now + EventInput.FutureTolerance + TimeSpan.FromHours(1); // well past the 5 minutes the check advances the clock
        ev.Date = later.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        ev.Time = later.ToString("HH:mm", CultureInfo.InvariantCulture);
        await AssertRefusedAsync(() => Service.LogEventAsync(_seeded.ApplicationId, ev), "Date", "Validation.FutureEvent");
    }

    [Fact]
    public async Task An_event_a_few_minutes_ahead_and_an_interview_next_week_are_accepted()
    {
        var now = Service.LocalNow("Asia/Tokyo");
        var ev = Seed.MissedCall();
        var soon = now + TimeSpan.FromMinutes(3);
        ev.Date = soon.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        ev.Time = soon.ToString("HH:mm", CultureInfo.InvariantCulture);
        var logged = await Service.LogEventAsync(_seeded.ApplicationId, ev);
        Assert.True(logged.Succeeded, string.Join("; ", logged.Errors));

        var interview = Seed.Interview();
        interview.Date = now.AddDays(7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var added = await Service.AddInterviewAsync(_seeded.ApplicationId, interview);
        Assert.True(added.Succeeded, string.Join("; ", added.Errors));
    }

    [Fact]
    public void Every_english_resource_has_a_japanese_translation_and_back()
    {
        var manager = new System.Resources.ResourceManager("FollowUp.Web.Resources.SharedResource", typeof(SharedResource).Assembly);
        var english = Keys(manager.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false));
        var japanese = Keys(manager.GetResourceSet(CultureInfo.GetCultureInfo("ja"), createIfNotExists: true, tryParents: false));
        Assert.NotEmpty(english);
        Assert.Empty(english.Except(japanese));
        Assert.Empty(japanese.Except(english));

        static SortedSet<string> Keys(System.Resources.ResourceSet? set) =>
            new(set?.Cast<System.Collections.DictionaryEntry>().Select(e => (string)e.Key) ?? [], StringComparer.Ordinal);
    }

    /// <summary>
    /// Runs a write that must fail: errors name <paramref name="field"/> with <paramref name="key"/>, no row
    /// anywhere changed, and the message reads well in both languages.
    /// </summary>
    private async Task AssertRefusedAsync(Func<Task<SaveResult>> write, string field, string key, params object[] args)
    {
        var countsBefore = await app.CountRowsAsync();
        var before = await Seed.SnapshotOfAsync(app, _owner);
        app.Clock.Advance(TimeSpan.FromMinutes(5));

        var result = await write();

        Assert.False(result.Succeeded);
        Assert.False(result.NotFound);
        var error = Assert.Single(result.Errors, e => e.Field == field && e.MessageKey == key);
        Assert.Equal(args, error.Args);
        Assert.Equal(countsBefore, await app.CountRowsAsync());
        Assert.Equal(before, await Seed.SnapshotOfAsync(app, _owner));
        foreach (var e in result.Errors)
        {
            AssertLocalized(e);
        }
    }

    private void AssertLocalized(FieldError error)
    {
        var localizer = app.Services.GetRequiredService<IStringLocalizer<SharedResource>>();
        var saved = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ja");
            var ja = localizer[error.MessageKey, error.Args];
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
            var en = localizer[error.MessageKey, error.Args];

            Assert.False(ja.ResourceNotFound, $"No Japanese text for {error.MessageKey}");
            Assert.False(en.ResourceNotFound, $"No English text for {error.MessageKey}");
            Assert.NotEqual(error.MessageKey, ja.Value);
            Assert.NotEqual(error.MessageKey, en.Value);
            Assert.NotEqual(ja.Value, en.Value);
            Assert.Contains(ja.Value, c => c is >= '\u3040' and <= '\u30ff' or >= '\u4e00' and <= '\u9fff');
            Assert.DoesNotContain(en.Value, c => c is >= '\u3040' and <= '\u30ff' or >= '\u4e00' and <= '\u9fff');
            foreach (var value in new[] { ja.Value, en.Value })
            {
                Assert.DoesNotContain("{0}", value, StringComparison.Ordinal);
                foreach (var arg in error.Args)
                {
                    Assert.Contains(Convert.ToString(arg, CultureInfo.InvariantCulture)!, value, StringComparison.Ordinal);
                }
            }
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
    }
}
