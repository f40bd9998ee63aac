using System.Globalization;
using FollowUp.Domain.Advice;
using FollowUp.Web.Data;
using FollowUp.Web.Features.Applications;
using FollowUp.Web.Features.NextSteps;
using FollowUp.Web.Features.Profile;
using FollowUp.Web.Features.Reminders;
using FollowUp.Web.Infrastructure;
using FollowUp.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;

namespace FollowUp.Web.Tests.Policies;

/// <summary>
/// Default rules per user and custom rules per application, on the real database: which policy wins, that it
/// moves the advice (list, detail, reminders), that it stays with its owner, and that bad values write nothing.
/// The fake clock is Tuesday 2026-11-24 10:00 in Tokyo; the interview (Friday 11/20, "within 3 business days",
/// Monday 11/23 a holiday) makes the promised date Thursday 11/26, so the follow-up opens 3 business days later
/// on Tuesday 12/1 under the recommended rules.
/// </summary>
[Trait("Database", "Both")]
public sealed class PolicyTests(FollowUpAppFactory app) : IClassFixture<FollowUpAppFactory>
{
    private static readonly DateOnly RecommendedFollowUp = new(2026, 12, 1);

    [Fact]
    public void Effective_policy_is_the_applications_own_else_the_users_default_else_the_recommended()
    {
        var mine = PolicySettings.Recommended with { InquiryGraceBusinessDays = 5 };
        var own = PolicySettings.Recommended with { InquiryGraceBusinessDays = 1, AvoidLunch = false };

        Assert.Same(EtiquettePolicy.Default, PolicySettings.Effective(null, null));
        Assert.Equal(5, PolicySettings.Effective(null, mine).InquiryGraceBusinessDays);
        var both = PolicySettings.Effective(own, mine);
        Assert.Equal(1, both.InquiryGraceBusinessDays);
        Assert.False(both.AvoidLunch);
        // The settings nobody can change keep the library's values.
        Assert.Equal(EtiquettePolicy.Default.UnderReviewRecheckDays, both.UnderReviewRecheckDays);
        // A stored value outside the limits (edited by hand) is skipped, not used.
        Assert.Equal(5, PolicySettings.Effective(own with { MaxCallAttempts = 0 }, mine).InquiryGraceBusinessDays);
        Assert.Equal(PolicySettings.Recommended, PolicySettings.From(EtiquettePolicy.Default));
    }

    [Fact]
    public void Stored_rules_read_back_and_missing_settings_read_as_recommended()
    {
        var custom = PolicySettings.Recommended with { FollowUpLimit = 2, SuggestThankYou = false };
        var text = (string)PolicySettings.Converter.ConvertToProvider(custom)!;
        Assert.Equal(custom, PolicySettings.Converter.ConvertFromProvider(text));
        Assert.Equal(PolicySettings.Recommended with { MaxCallAttempts = 4 },
            PolicySettings.Converter.ConvertFromProvider("{\"maxCallAttempts\":4}"));
    }

    [Fact]
    public async Task A_user_default_moves_the_follow_up_and_the_applications_own_rules_beat_it()
    {
        var owner = await app.CreateUserAsync("policy-moves@example.jp");
        var service = app.ServiceFor(owner);
        var id = await AddWithInterviewAsync(service, "株式会社ルール");

        Assert.Equal(RecommendedFollowUp, await FollowUpDateAsync(service, id));

        // Default: wait 5 business days after the promised date instead of 3 → Thursday 12/3, in list and detail.
        Assert.True((await Defaults(owner).SaveAsync(DefaultsWith(p => p.InquiryGraceBusinessDays = 5))).Succeeded);
        Assert.Equal(new DateOnly(2026, 12, 3), await FollowUpDateAsync(service, id));

        // This application's own rules: 1 business day → Friday 11/27, whatever the default says.
        var input = await FormAsync(service, id);
        input.CustomPolicy = true;
        input.Policy.InquiryGraceBusinessDays = 1;
        Assert.True((await service.UpdateAsync(id, input)).Succeeded);
        Assert.Equal(new DateOnly(2026, 11, 27), await FollowUpDateAsync(service, id));
        Assert.True((await Defaults(owner).SaveAsync(DefaultsWith(p => p.InquiryGraceBusinessDays = 7))).Succeeded);
        Assert.Equal(new DateOnly(2026, 11, 27), await FollowUpDateAsync(service, id));

        // Back to "use my default rules": the stored override is gone and the default (7) applies again.
        input = await FormAsync(service, id);
        Assert.True(input.CustomPolicy);
        Assert.Equal(1, input.Policy.InquiryGraceBusinessDays);
        input.CustomPolicy = false;
        Assert.True((await service.UpdateAsync(id, input)).Succeeded);
        await using var db = app.CreateDbContext();
        Assert.Null(await db.Applications.Where(a => a.Id == id).Select(a => a.Policy).SingleAsync());
        Assert.Equal(new DateOnly(2026, 12, 7), await FollowUpDateAsync(service, id));
    }

    [Fact]
    public async Task Saving_a_default_re_plans_the_reminders_of_applications_that_follow_it()
    {
        var owner = await app.CreateUserAsync("policy-reminders@example.jp");
        var sync = app.Services.GetRequiredService<IApplicationChanged>();
        var service = new ApplicationService(
            app.Services.GetRequiredService<IDbContextFactory<FollowUpDbContext>>(), app.Services.GetRequiredService<ApplicationSnapshots>(),
            new TestCurrentUser(owner), app.Clock,
            NullLogger<ApplicationService>.Instance, sync);
        var id = await AddWithInterviewAsync(service, "株式会社リマインド");
        Assert.Contains(RecommendedFollowUp, await FollowUpReminderDatesAsync(owner, id));

        Assert.True((await Defaults(owner, sync).SaveAsync(DefaultsWith(p => p.InquiryGraceBusinessDays = 5))).Succeeded);

        Assert.Equal([new DateOnly(2026, 12, 3)], await FollowUpReminderDatesAsync(owner, id));
    }

    [Fact]
    public async Task A_new_application_form_starts_from_the_users_default_calendar_and_rules()
    {
        var owner = await app.CreateUserAsync("policy-prefill@example.jp");
        Assert.Equal("09:00", (await Defaults(owner).NewApplicationAsync()).OpensAt);

        var defaults = DefaultsWith(p => p.MaxCallAttempts = 5);
        defaults.OpensAt = "10:00";
        defaults.ClosesAt = "17:30";
        defaults.ClosedWeekdays = [DayOfWeek.Sunday];
        defaults.ObservesNationalHolidays = false;
        defaults.YearEndClosure = false;
        defaults.ObonClosure = true;
        Assert.True((await Defaults(owner).SaveAsync(defaults)).Succeeded);

        var form = await Defaults(owner).NewApplicationAsync();
        Assert.Equal(("10:00", "17:30"), (form.OpensAt, form.ClosesAt));
        Assert.Equal([DayOfWeek.Sunday], form.ClosedWeekdays);
        Assert.False(form.ObservesNationalHolidays);
        Assert.False(form.YearEndClosure);
        Assert.True(form.ObonClosure);
        Assert.False(form.CustomPolicy);
        Assert.Equal(5, form.Policy.MaxCallAttempts);
        var read = await Defaults(owner).GetAsync();
        Assert.Equal(("10:00", 5), (read.OpensAt, read.Policy.MaxCallAttempts));
    }

    [Fact]
    public async Task One_users_default_never_reaches_anothers_applications_and_forged_ids_are_refused()
    {
        var alice = await app.CreateUserAsync("policy-alice@example.jp");
        var bob = await app.CreateUserAsync("policy-bob@example.jp");
        var asAlice = app.ServiceFor(alice);
        var asBob = app.ServiceFor(bob);
        var aliceApp = await AddWithInterviewAsync(asAlice, "アリスの会社");
        var bobApp = await AddWithInterviewAsync(asBob, "ボブの会社");

        Assert.True((await Defaults(alice).SaveAsync(DefaultsWith(p => p.InquiryGraceBusinessDays = 10))).Succeeded);

        Assert.Equal(new DateOnly(2026, 12, 10), await FollowUpDateAsync(asAlice, aliceApp));
        Assert.Equal(RecommendedFollowUp, await FollowUpDateAsync(asBob, bobApp));
        Assert.Equal(PolicySettings.Recommended.InquiryGraceBusinessDays, (await Defaults(bob).GetAsync()).Policy.InquiryGraceBusinessDays);
        Assert.Equal(PolicySettings.Recommended.InquiryGraceBusinessDays, (await Defaults(bob).NewApplicationAsync()).Policy.InquiryGraceBusinessDays);

        // Bob, knowing Alice's application id, can neither read it nor give it rules.
        var before = await Seed.SnapshotOfAsync(app, alice);
        var forged = Seed.Application("乗っ取り株式会社");
        forged.CustomPolicy = true;
        forged.Policy.InquiryGraceBusinessDays = 0;
        Assert.Null(await asBob.GetAsync(aliceApp));
        Assert.True((await asBob.UpdateAsync(aliceApp, forged)).NotFound);
        Assert.Equal(before, await Seed.SnapshotOfAsync(app, alice));
        Assert.Equal(new DateOnly(2026, 12, 10), await FollowUpDateAsync(asAlice, aliceApp));

        // Bob's own default changes nothing of Alice's.
        Assert.True((await Defaults(bob).SaveAsync(DefaultsWith(p => p.InquiryGraceBusinessDays = 0))).Succeeded);
        Assert.Equal(new DateOnly(2026, 12, 10), await FollowUpDateAsync(asAlice, aliceApp));
        Assert.Equal(10, (await Defaults(alice).GetAsync()).Policy.InquiryGraceBusinessDays);
    }

    public static TheoryData<string, string, string, string> BadRules => new()
    {
        { "retry-order", "Policy.CallbackRetryDueBusinessDays", "かけ直すまでの日数（4）以上にしてください。", "Must be at least the days before trying again (4)." },
        { "range", "Policy.InquiryGraceBusinessDays", "0から20までの数を入力してください。", "Enter a number from 0 to 20." },
        { "missing", "Policy.MaxCallAttempts", "入力してください。", "Please fill this in." },
        { "no-window", "Policy.CallWindowMarginHours", "この営業時間では、電話できる時間が残りません。時間を短くしてください。", "With these business hours this leaves no time to call. Choose fewer hours." },
    };

    [Theory]
    [MemberData(nameof(BadRules))]
    public async Task Bad_rules_are_refused_in_both_languages_and_nothing_is_written(string @case, string field, string japanese, string english)
    {
        var owner = await app.CreateUserAsync($"policy-bad-{@case}@example.jp");
        var service = app.ServiceFor(owner);
        var id = await AddWithInterviewAsync(service, "株式会社そのまま");
        Assert.True((await Defaults(owner).SaveAsync(DefaultsWith(p => p.FollowUpLimit = 2))).Succeeded);
        var before = await SnapshotAsync(owner);

        Action<PolicyInput> spoil = @case switch
        {
            "retry-order" => p => (p.CallbackRetryAfterBusinessDays, p.CallbackRetryDueBusinessDays) = (4, 3),
            "range" => p => p.InquiryGraceBusinessDays = 21,
            "missing" => p => p.MaxCallAttempts = null,
            _ => p => p.CallWindowMarginHours = 2,
        };
        var defaults = DefaultsWith(spoil);
        var form = await FormAsync(service, id);
        form.Company = "株式会社かわった";
        form.CustomPolicy = true;
        spoil(form.Policy);
        if (@case == "no-window")
        {
            // 10:00–13:00 less two hours at each end leaves nothing.
            (defaults.OpensAt, defaults.ClosesAt, form.OpensAt, form.ClosesAt) = ("10:00", "13:00", "10:00", "13:00");
        }

        foreach (var result in new[] { await Defaults(owner).SaveAsync(defaults), await service.UpdateAsync(id, form) })
        {
            Assert.False(result.Succeeded);
            var error = Assert.Single(result.Errors);
            Assert.Equal(field, error.Field);
            Assert.Equal((japanese, english), (Text(error, "ja"), Text(error, "en")));
        }
        Assert.Equal(before, await SnapshotAsync(owner));
        // The form's own check gives the same answer before anything is sent.
        Assert.Equal(field, Assert.Single(defaults.Validate()).Field);
    }

    private DefaultsService Defaults(string owner, IApplicationChanged? changed = null) => new(
        app.Services.GetRequiredService<IDbContextFactory<FollowUpDbContext>>(), new TestCurrentUser(owner), app.Clock,
        NullLogger<DefaultsService>.Instance, changed ?? new Reminders.RecordingChanges());

    private static DefaultsInput DefaultsWith(Action<PolicyInput> change)
    {
        var input = new DefaultsInput();
        change(input.Policy);
        return input;
    }

    private static async Task<int> AddWithInterviewAsync(ApplicationService service, string company)
    {
        var created = await service.CreateAsync(new ApplicationInput { Company = company });
        Assert.True(created.Succeeded);
        Assert.True((await service.AddInterviewAsync(created.Id, Seed.Interview())).Succeeded);
        return created.Id;
    }

    private static async Task<ApplicationInput> FormAsync(ApplicationService service, int id)
    {
        var detail = await service.GetAsync(id);
        Assert.NotNull(detail);
        return ApplicationInput.From(detail!.Application, detail.UserDefault);
    }

    /// <summary>When the follow-up opens, as the detail page and the list (Today, CSV) both see it; they must agree.</summary>
    private static async Task<DateOnly> FollowUpDateAsync(ApplicationService service, int id)
    {
        var detail = await service.GetAsync(id);
        var fromDetail = OpensOn(service.AdviceFor(detail!));
        var fromList = OpensOn(Assert.Single(await service.ListAsync(), s => s.Id == id).Advice);
        Assert.Equal(fromDetail, fromList);
        return fromDetail;
    }

    private static DateOnly OpensOn(ApplicationAdvice advice) =>
        DateOnly.FromDateTime(Assert.Single(advice.Advice!.Steps, s => s.Kind == StepKind.FollowUp).OpensAt);

    private async Task<List<DateOnly>> FollowUpReminderDatesAsync(string owner, int id)
    {
        await using var db = app.CreateDbContext();
        return (await db.RemindersOf(owner)
                .Where(r => r.ApplicationId == id && r.StepKind == StepKind.FollowUp && r.State == ReminderState.Scheduled)
                .Select(r => r.OpensAt).ToListAsync())
            .ConvertAll(DateOnly.FromDateTime);
    }

    /// <summary>The owner's rows and defaults, as text.</summary>
    private async Task<string> SnapshotAsync(string owner)
    {
        await using var db = app.CreateDbContext();
        var defaults = await db.DefaultsOf(owner).AsNoTracking().ToListAsync();
        return await Seed.SnapshotOfAsync(app, owner) + System.Text.Json.JsonSerializer.Serialize(defaults);
    }

    private string Text(FieldError error, string culture)
    {
        var localizer = app.Services.GetRequiredService<IStringLocalizer<SharedResource>>();
        var saved = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            var text = localizer[error.MessageKey, error.Args];
            Assert.False(text.ResourceNotFound, $"No {culture} text for {error.MessageKey}");
            return text.Value;
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
    }
}
