using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AngleSharp.Dom;
using FollowUp.Domain.Advice;
using FollowUp.Domain.Applications;
using FollowUp.Domain.Events;
using FollowUp.Domain.Scripts;
using FollowUp.Web.Data;
using FollowUp.Web.Features.Applications;
using FollowUp.Web.Features.DataExport;
using FollowUp.Web.Features.NextSteps;
using FollowUp.Web.Features.Profile;
using FollowUp.Web.Features.Scripts;
using FollowUp.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace FollowUp.Web.Tests.DataSafety;

/// <summary>Export (JSON and CSV) and import through the real endpoints and the import page.</summary>
[Trait("Database", "Both")]
public sealed class ExportImportTests(FollowUpAppFactory app) : IClassFixture<FollowUpAppFactory>
{
    [Fact]
    public async Task Export_delete_everything_import_gives_back_every_field()
    {
        var (client, owner) = await SignedInAsync("roundtrip@example.jp");
        await SeedRichAsync(owner);
        var before = await ExportJsonAsync(client);
        var beforeDoc = JsonNode.Parse(before)!;
        Assert.Equal("followup-export", (string?)beforeDoc["format"]);
        Assert.Equal(1, (int?)beforeDoc["version"]);
        Assert.Equal(3, beforeDoc["applications"]!.AsArray().Count);
        // The defaults and one application's own rules are in the file, with their non-recommended values.
        Assert.Equal("10:00", (string?)beforeDoc["defaults"]!["opensAt"]);
        Assert.Equal(5, (int?)beforeDoc["defaults"]!["policy"]!["inquiryGraceBusinessDays"]);
        Assert.False((bool?)beforeDoc["defaults"]!["policy"]!["avoidLunch"]);
        Assert.Equal(2, (int?)beforeDoc["applications"]![1]!["policy"]!["followUpLimit"]);
        Assert.Null(beforeDoc["applications"]![0]!["policy"]);
        var beforeCounts = await app.CountRowsOfAsync(owner);

        await DeleteAllDataAsync(owner);
        Assert.Equal(new RowCounts(1, 0, 0, 0, 0), await app.CountRowsOfAsync(owner));
        Assert.DoesNotContain("株式会社ラウンド", await ExportJsonAsync(client), StringComparison.Ordinal);

        var page = await ImportAsync(client, Encoding.UTF8.GetBytes(before));
        Assert.Equal("応募3件、面接3件、やりとり6件を読み込みました。スクリプトの回答1件、編集したスクリプト3件も読み込みました。", page.QuerySelector("[data-testid=import-done]")?.TextContent.Trim());

        var after = await ExportJsonAsync(client);
        Assert.Equal(beforeCounts, await app.CountRowsOfAsync(owner));
        Assert.Equal(Canonical(before), Canonical(after));
    }

    [Fact]
    public async Task An_invalid_file_is_rejected_whole_with_a_localized_report_of_every_problem()
    {
        var (client, owner) = await SignedInAsync("rejected@example.jp");
        await Seed.ApplicationWithHistoryAsync(app.ServiceFor(owner), "既存の会社");
        var countsBefore = await app.CountRowsOfAsync(owner);
        var snapshotBefore = await Seed.SnapshotOfAsync(app, owner);

        var document = new ExportDocument
        {
            Applications =
            [
                Valid("有効な会社"),
                Valid(new string('長', 201)),
                Valid("面接が変な会社", interviewDate: "2026-13-40"),
                Valid("やりとりが変な会社", eventTime: "25:99", eventKind: (ContactEventKind)42),
            ],
        };
        var page = await ImportAsync(client, JsonSerializer.SerializeToUtf8Bytes(document, ExportDocument.JsonOptions));

        var report = page.QuerySelector("[data-testid=import-rejected]");
        Assert.NotNull(report);
        Assert.Null(page.QuerySelector("[data-testid=import-done]"));
        var items = report!.QuerySelectorAll("li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Contains("何も読み込みませんでした。問題が4件見つかりました。", report.TextContent, StringComparison.Ordinal);
        Assert.Contains(items, i => i.StartsWith("2件目の応募（", StringComparison.Ordinal) && i.Contains("会社名: 200文字以内", StringComparison.Ordinal));
        Assert.Contains(items, i => i.StartsWith("3件目の応募（面接が変な会社）の面接1: 日付:", StringComparison.Ordinal));
        Assert.Contains(items, i => i.StartsWith("4件目の応募（やりとりが変な会社）のやりとり1: 時刻:", StringComparison.Ordinal));
        Assert.Contains(items, i => i.StartsWith("4件目の応募（やりとりが変な会社）のやりとり1: 種類:", StringComparison.Ordinal));

        // All or nothing: not even the valid first application was added.
        Assert.Equal(countsBefore, await app.CountRowsOfAsync(owner));
        Assert.Equal(snapshotBefore, await Seed.SnapshotOfAsync(app, owner));
    }

    [Theory]
    [InlineData("not json at all", "ファイルが正しいJSONではありません")]
    [InlineData("{\"format\":\"something-else\",\"version\":1}", "FollowUpの書き出しファイルではありません。")]
    [InlineData("{\"format\":\"followup-export\",\"version\":99}", "ファイルの形式はバージョン99です。")]
    [InlineData("{\"format\":\"followup-export\",\"version\":1,\"applications\":[{\"company\":\"x\",\"route\":\"Nope\"}]}", "ファイルが正しいJSONではありません（$.applications[0].route")]
    [InlineData("{\"format\":\"followup-export\",\"version\":1,\"applications\":[{\"company\":\"x\",\"scriptDrafts\":[{\"kind\":\"Nope\",\"language\":\"ja\",\"body\":\"b\"}]}]}", "ファイルが正しいJSONではありません（$.applications[0].scriptDrafts[0].kind")]
    public async Task Files_that_are_not_exports_are_refused_with_a_clear_message(string content, string expected)
    {
        var (client, owner) = await SignedInAsync($"bad-file-{Guid.NewGuid():N}@example.jp");
        var page = await ImportAsync(client, Encoding.UTF8.GetBytes(content));
        Assert.Contains(expected, page.QuerySelector("[data-testid=import-rejected]")?.TextContent ?? "", StringComparison.Ordinal);
        Assert.Equal(0, (await app.CountRowsOfAsync(owner)).Applications);
    }

    [Fact]
    public async Task An_event_dated_after_now_is_refused_and_nothing_is_imported()
    {
        var (client, owner) = await SignedInAsync("future-event@example.jp");
        // The fake clock stands at 2026-11-24 10:00 in Tokyo: 10:30 the same day has not come yet.
        var document = new ExportDocument { Applications = [Valid("未来の会社"), Valid("先走った会社", eventTime: "10:30")] };

        var page = await ImportAsync(client, JsonSerializer.SerializeToUtf8Bytes(document, ExportDocument.JsonOptions));

        var items = page.QuerySelectorAll("[data-testid=import-rejected] li").Select(li => li.TextContent.Trim()).ToList();
        var item = Assert.Single(items);
        Assert.StartsWith("2件目の応募（先走った会社）のやりとり1: 日付: この日時はまだ来ていません。", item, StringComparison.Ordinal);
        Assert.Equal(0, (await app.CountRowsOfAsync(owner)).Applications);
    }

    [Fact]
    public async Task A_file_over_5_MB_is_refused()
    {
        var (client, owner) = await SignedInAsync("too-large@example.jp");
        var big = new byte[(int)DataImporter.MaxImportBytes + 1];
        Array.Fill(big, (byte)' ');
        var page = await ImportAsync(client, big);
        Assert.Contains("ファイルが5 MBを超えています。", page.QuerySelector("[data-testid=import-rejected]")?.TextContent ?? "", StringComparison.Ordinal);
        Assert.Equal(0, (await app.CountRowsOfAsync(owner)).Applications);
    }

    [Fact]
    public async Task A_file_from_before_defaults_and_rules_imports_and_follows_the_users_defaults()
    {
        var (client, owner) = await SignedInAsync("old-file@example.jp");
        // Written by hand the way version 1 looked before: no "defaults", no "policy".
        const string old = """
            {"format":"followup-export","version":1,"applications":[{"company":"古いファイルの会社","route":"Direct",
             "opensAt":"09:00","closesAt":"18:00","closedWeekdays":["Saturday","Sunday"],"observesNationalHolidays":true,
             "yearEndClosure":true,"obonClosure":false,"closures":[],
             "interviews":[{"date":"2026-11-20","time":"10:00","stage":"First","promiseKind":"WithinBusinessDays","promiseCount":3}],
             "events":[]}]}
            """;

        var page = await ImportAsync(client, Encoding.UTF8.GetBytes(old));

        Assert.NotNull(page.QuerySelector("[data-testid=import-done]"));
        await using var db = app.CreateDbContext();
        Assert.Null(await db.ApplicationsOf(owner).Select(a => a.Policy).SingleAsync());
        Assert.False(await db.DefaultsOf(owner).AnyAsync());
        var json = JsonNode.Parse(await ExportJsonAsync(client))!;
        Assert.Null(json["defaults"]);
        Assert.Null(json["applications"]![0]!["policy"]);
        // Nor script answers or edited scripts: none are made up.
        Assert.False(await db.ScriptAnswersOf(owner).AnyAsync());
        Assert.False(await db.ScriptDraftsOf(owner).AnyAsync());
        Assert.Null(json["applications"]![0]!["scriptAnswers"]);
        Assert.Empty(json["applications"]![0]!["scriptDrafts"]!.AsArray());
    }

    [Fact]
    public async Task Script_answers_and_edited_scripts_move_to_another_account_through_export_and_import()
    {
        var (alice, aliceId) = await SignedInAsync($"scripts-from-{Guid.NewGuid():N}@example.jp");
        var (bob, bobId) = await SignedInAsync($"scripts-to-{Guid.NewGuid():N}@example.jp");
        var seeded = await Seed.ApplicationWithHistoryAsync(app.ServiceFor(aliceId), "株式会社スクリプト移行");
        await SeedScriptsAsync(aliceId, seeded.ApplicationId, "通院で電話に出られませんでした");
        var aliceJson = await ExportJsonAsync(alice);
        var exported = JsonNode.Parse(aliceJson)!["applications"]![0]!;
        Assert.Equal("通院で電話に出られませんでした", (string?)exported["scriptAnswers"]!["lateReason"]);
        Assert.True((bool?)exported["scriptAnswers"]!["writesInEnglish"]);
        Assert.Equal(["FollowUpEmail/en", "FollowUpEmail/ja", "FollowUpPhone/ja"],
            exported["scriptDrafts"]!.AsArray().Select(d => $"{(string?)d!["kind"]}/{(string?)d["language"]}"));
        var aliceBefore = await Seed.SnapshotOfAsync(app, aliceId);

        var page = await ImportAsync(bob, Encoding.UTF8.GetBytes(aliceJson));

        Assert.EndsWith("スクリプトの回答1件、編集したスクリプト3件も読み込みました。",
            page.QuerySelector("[data-testid=import-done]")?.TextContent.Trim(), StringComparison.Ordinal);
        await using var db = app.CreateDbContext();
        var bobApp = await db.ApplicationsOf(bobId).SingleAsync();
        var answers = await db.ScriptAnswersOf(bobId).AsNoTracking().SingleAsync();
        Assert.Equal(bobApp.Id, answers.ApplicationId);
        Assert.Equal("通院で電話に出られませんでした", answers.LateReason);
        Assert.Equal("平日の18時以降", answers.ReachableTimes);
        Assert.Equal("入社後の研修の進め方", answers.LearnedInInterview);
        Assert.True(answers.MessageMayNotHaveReached);
        Assert.True(answers.WritesInEnglish);
        var drafts = await db.ScriptDraftsOf(bobId).AsNoTracking().OrderBy(d => d.Kind).ThenBy(d => d.Language).ToListAsync();
        Assert.All(drafts, d => Assert.Equal(bobApp.Id, d.ApplicationId));
        Assert.Equal(3, drafts.Count);
        var english = Assert.Single(drafts, d => d.Kind == ScriptKind.FollowUpEmail && d.Language == "en");
        Assert.Equal("Inquiry about the selection", english.Subject);
        Assert.Equal("Dear Hiring Team,\nThank you …", english.Body);
        Assert.Null(Assert.Single(drafts, d => d.Kind == ScriptKind.FollowUpPhone).Subject);
        // Bob's own script page reads them; his export carries the same applications as Alice's, to the field.
        var mine = await ScriptsFor(bobId).GetAsync(bobApp.Id, ScriptKind.FollowUpEmail);
        Assert.Equal("選考状況のご確認", mine!.Edits[ScriptLanguage.Japanese].Subject);
        Assert.Equal(exported.ToJsonString(), JsonNode.Parse(await ExportJsonAsync(bob))!["applications"]![0]!.ToJsonString());
        Assert.Equal(aliceBefore, await Seed.SnapshotOfAsync(app, aliceId));
        Assert.Equal(3, await db.ScriptDraftsOf(aliceId).CountAsync());
    }

    [Fact]
    public async Task Invalid_script_answers_and_edits_are_reported_in_japanese_and_english_and_nothing_is_imported()
    {
        var application = Valid("スクリプトが変な会社");
        application.ScriptAnswers = new ExportedScriptAnswers { LateReason = new string('長', 201), ReachableTimes = "平日の夜" };
        application.ScriptDrafts =
        [
            new ExportedScriptDraft { Kind = ScriptKind.ThankYouEmail, Language = "ja", Subject = "お礼", Body = "本文" },
            new ExportedScriptDraft { Kind = (ScriptKind)42, Language = "ja", Body = "本文" },
            new ExportedScriptDraft { Kind = ScriptKind.FollowUpEmail, Language = "fr", Body = "Bonjour" },
            new ExportedScriptDraft { Kind = ScriptKind.FollowUpEmail, Language = "en", Subject = new string('s', 201), Body = new string('b', 4001) },
            new ExportedScriptDraft { Kind = ScriptKind.ThankYouEmail, Language = "ja", Body = "二つ目" },
            new ExportedScriptDraft { Kind = ScriptKind.CallbackPhone, Language = "ja", Body = null },
        ];
        var file = JsonSerializer.SerializeToUtf8Bytes(new ExportDocument { Applications = [Valid("正しい会社"), application] }, ExportDocument.JsonOptions);

        var (ja, jaOwner) = await SignedInAsync($"bad-scripts-ja-{Guid.NewGuid():N}@example.jp");
        var jaItems = (await ImportAsync(ja, file)).QuerySelectorAll("[data-testid=import-rejected] li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(
        [
            "2件目の応募（スクリプトが変な会社）のスクリプトへの回答: 折り返しが遅れた理由: 200文字以内で入力してください（現在201文字）。",
            "2件目の応募（スクリプトが変な会社）の編集したスクリプト2: スクリプトの種類: 選択肢から選んでください。",
            "2件目の応募（スクリプトが変な会社）の編集したスクリプト3: スクリプトの言語: 「ja」（日本語）か「en」（英語）にしてください（ファイルでは「fr」）。",
            "2件目の応募（スクリプトが変な会社）の編集したスクリプト4: 件名: 200文字以内で入力してください（現在201文字）。",
            "2件目の応募（スクリプトが変な会社）の編集したスクリプト4: 本文: 4000文字以内で入力してください（現在4001文字）。",
            "2件目の応募（スクリプトが変な会社）の編集したスクリプト5: 種類ThankYouEmail・言語jaの編集したスクリプトが2つ以上あります。1つにしてください。",
            "2件目の応募（スクリプトが変な会社）の編集したスクリプト6: 本文: 入力してください。",
        ], jaItems);

        var en = app.CreateBrowserLikeClient("en");
        var enEmail = $"bad-scripts-en-{Guid.NewGuid():N}@example.jp";
        using (var registered = await Forms.RegisterAsync(en, enEmail, FollowUpAppFactory.Password))
        {
            Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        }
        var enOwner = (await app.UserIdAsync(enEmail))!;
        var enItems = (await ImportAsync(en, file)).QuerySelectorAll("[data-testid=import-rejected] li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(7, enItems.Count);
        Assert.StartsWith("Application 2 (スクリプトが変な会社), script answers: Reason the callback is late: ", enItems[0], StringComparison.Ordinal);
        Assert.Equal("Application 2 (スクリプトが変な会社), edited script 3: Script language: Use \"ja\" (Japanese) or \"en\" (English); the file has \"fr\".", enItems[2]);
        Assert.Equal("Application 2 (スクリプトが変な会社), edited script 5: There is more than one edited ThankYouEmail script in language ja; keep one.", enItems[5]);

        // All or nothing: not the valid application, nor the valid answers or draft.
        foreach (var owner in new[] { jaOwner, enOwner })
        {
            Assert.Equal(0, (await app.CountRowsOfAsync(owner)).Applications);
            await using var db = app.CreateDbContext();
            Assert.False(await db.ScriptAnswersOf(owner).AnyAsync());
            Assert.False(await db.ScriptDraftsOf(owner).AnyAsync());
        }
    }

    [Fact]
    public async Task Anothers_script_answers_and_edits_never_appear_in_an_export()
    {
        var (alice, aliceId) = await SignedInAsync($"scripts-alice-{Guid.NewGuid():N}@example.jp");
        var (bob, bobId) = await SignedInAsync($"scripts-bob-{Guid.NewGuid():N}@example.jp");
        var aliceApp = await Seed.ApplicationWithHistoryAsync(app.ServiceFor(aliceId), "アリスのスクリプト会社");
        var bobApp = await Seed.ApplicationWithHistoryAsync(app.ServiceFor(bobId), "ボブのスクリプト会社");
        Assert.True((await ScriptsFor(aliceId).SaveAnswersAsync(aliceApp.ApplicationId, new ScriptAnswersInput { LateReason = "アリスの理由" })).Succeeded);
        Assert.True((await ScriptsFor(aliceId).SaveEditAsync(aliceApp.ApplicationId, ScriptKind.FollowUpEmail, ScriptLanguage.Japanese, new ScriptEdit("アリスの件名", "アリスの本文"))).Succeeded);
        Assert.True((await ScriptsFor(bobId).SaveAnswersAsync(bobApp.ApplicationId, new ScriptAnswersInput { LateReason = "ボブの理由" })).Succeeded);
        Assert.True((await ScriptsFor(bobId).SaveEditAsync(bobApp.ApplicationId, ScriptKind.FollowUpEmail, ScriptLanguage.Japanese, new ScriptEdit("ボブの件名", "ボブの本文"))).Succeeded);

        var aliceJson = await ExportJsonAsync(alice);
        var bobJson = await ExportJsonAsync(bob);

        foreach (var text in new[] { "アリスの理由", "アリスの件名", "アリスの本文" })
        {
            Assert.Contains(text, aliceJson, StringComparison.Ordinal);
            Assert.DoesNotContain(text, bobJson, StringComparison.Ordinal);
        }
        foreach (var text in new[] { "ボブの理由", "ボブの件名", "ボブの本文" })
        {
            Assert.Contains(text, bobJson, StringComparison.Ordinal);
            Assert.DoesNotContain(text, aliceJson, StringComparison.Ordinal);
        }
        Assert.Single(JsonNode.Parse(aliceJson)!["applications"]![0]!["scriptDrafts"]!.AsArray());
    }

    [Fact]
    public async Task Rules_out_of_range_in_a_file_are_reported_and_nothing_is_imported()
    {
        var (client, owner) = await SignedInAsync("bad-rules@example.jp");
        var application = Valid("ルールが変な会社");
        application.Policy = PolicySettings.Recommended with { MaxCallAttempts = 99 };
        var document = new ExportDocument
        {
            Defaults = new ExportedDefaults
            {
                OpensAt = "09:00", ClosesAt = "18:00", Policy = PolicySettings.Recommended with { CallbackRetryAfterBusinessDays = 3, CallbackRetryDueBusinessDays = 2 },
            },
            Applications = [application],
        };

        var page = await ImportAsync(client, JsonSerializer.SerializeToUtf8Bytes(document, ExportDocument.JsonOptions));

        var items = page.QuerySelectorAll("[data-testid=import-rejected] li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(2, items.Count);
        Assert.Contains("1件目の応募（ルールが変な会社）: メールに切り替えるまでの折り返しの回数: 1から10までの数を入力してください。", items);
        Assert.Contains("既定のカレンダーとルール: かけ直しの期限（営業日以内）: かけ直すまでの日数（3）以上にしてください。", items);
        Assert.Equal(0, (await app.CountRowsOfAsync(owner)).Applications);
        await using var db = app.CreateDbContext();
        Assert.False(await db.DefaultsOf(owner).AnyAsync());
    }

    [Fact]
    public async Task Import_adds_to_an_account_that_already_has_data()
    {
        var (client, owner) = await SignedInAsync("existing@example.jp");
        await Seed.ApplicationWithHistoryAsync(app.ServiceFor(owner), "もともとある会社");
        var document = new ExportDocument { Applications = [Valid("追加する会社")] };

        var page = await ImportAsync(client, JsonSerializer.SerializeToUtf8Bytes(document, ExportDocument.JsonOptions));

        Assert.NotNull(page.QuerySelector("[data-testid=import-done]"));
        await using var db = app.CreateDbContext();
        Assert.Equal(["もともとある会社", "追加する会社"], await db.ApplicationsOf(owner).OrderBy(a => a.Id).Select(a => a.Company).ToListAsync());
    }

    [Fact]
    public async Task Csv_has_one_row_per_application_with_its_next_step()
    {
        var (client, owner) = await SignedInAsync("csv@example.jp");
        var service = app.ServiceFor(owner);
        await Seed.ApplicationWithHistoryAsync(service, "=HYPERLINK(\"x\")株式会社");
        var plain = await service.CreateAsync(Seed.Application("面接なし株式会社"));
        Assert.True(plain.Succeeded);

        using var response = await client.GetAsync(new Uri("/account/export.csv", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(3, lines.Length);
        Assert.StartsWith("\"会社\",\"職種\",\"応募経路\",\"派遣会社\",\"直近の面接\",\"次にすること\",\"開始\",\"期限\"", lines[0], StringComparison.Ordinal);
        // Seeded: a missed call asking for a callback at 09:30 today (the fake clock is 10:00 Tuesday in Tokyo).
        var withStep = Assert.Single(lines, l => l.Contains("HYPERLINK", StringComparison.Ordinal));
        Assert.StartsWith("\"'=HYPERLINK(\"\"x\"\")株式会社\"", withStep, StringComparison.Ordinal);
        Assert.Contains("\"2026-11-20 10:00\"", withStep, StringComparison.Ordinal);
        // The step's window in absolute date-times (a file is read later: never 「今日」 / 「明日」).
        Assert.Matches("\"[^\"]+\",\"2026-11-2\\d \\d\\d:\\d\\d\",\"2026-11-2\\d \\d\\d:\\d\\d\"", withStep);
        Assert.DoesNotContain("今日", withStep, StringComparison.Ordinal);
        Assert.DoesNotContain("明日", withStep, StringComparison.Ordinal);
        var without = Assert.Single(lines, l => l.Contains("面接なし株式会社", StringComparison.Ordinal));
        Assert.Contains("\"面接を追加してください\"", without, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nobody_can_export_anothers_data_and_anonymous_requests_are_sent_to_login()
    {
        var (alice, aliceId) = await SignedInAsync("alice-export@example.jp");
        var (bob, bobId) = await SignedInAsync("bob-export@example.jp");
        await Seed.ApplicationWithHistoryAsync(app.ServiceFor(aliceId), "アリスの会社");
        await Seed.ApplicationWithHistoryAsync(app.ServiceFor(bobId), "ボブの会社");

        var aliceJson = await ExportJsonAsync(alice);
        var bobJson = await ExportJsonAsync(bob);
        Assert.Contains("アリスの会社", aliceJson, StringComparison.Ordinal);
        Assert.DoesNotContain("ボブの会社", aliceJson, StringComparison.Ordinal);
        Assert.Contains("ボブの会社", bobJson, StringComparison.Ordinal);
        Assert.DoesNotContain("アリスの会社", bobJson, StringComparison.Ordinal);
        Assert.DoesNotContain("alice-export@example.jp", bobJson, StringComparison.Ordinal);
        // Query strings that name the other user change nothing.
        using var forged = await bob.GetAsync(new Uri($"/account/export.json?userId={aliceId}&ownerId={aliceId}", UriKind.Relative));
        Assert.DoesNotContain("アリスの会社", await forged.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var csv = await bob.GetAsync(new Uri("/account/export.csv", UriKind.Relative));
        Assert.DoesNotContain("アリスの会社", Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync()), StringComparison.Ordinal);

        using var anonymous = app.CreateBrowserLikeClient();
        foreach (var path in new[] { "/account/export.json", "/account/export.csv", "/account/import" })
        {
            using var response = await anonymous.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/login", Forms.RedirectTarget(response), StringComparison.Ordinal);
        }

        // Importing Alice's export into Bob's account gives Bob copies; Alice's rows are untouched.
        var aliceBefore = await Seed.SnapshotOfAsync(app, aliceId);
        var page = await ImportAsync(bob, Encoding.UTF8.GetBytes(aliceJson));
        Assert.NotNull(page.QuerySelector("[data-testid=import-done]"));
        Assert.Equal(aliceBefore, await Seed.SnapshotOfAsync(app, aliceId));
        Assert.Equal(2, (await app.CountRowsOfAsync(bobId)).Applications);
    }

    private async Task<(HttpClient Client, string OwnerId)> SignedInAsync(string email)
    {
        var client = app.CreateBrowserLikeClient();
        using var registered = await Forms.RegisterAsync(client, email, FollowUpAppFactory.Password);
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        return (client, (await app.UserIdAsync(email))!);
    }

    /// <summary>The script page's answers and three edited scripts (two languages, a phone script without subject) for one application.</summary>
    private async Task SeedScriptsAsync(string owner, int applicationId, string lateReason)
    {
        var scripts = ScriptsFor(owner);
        Assert.True((await scripts.SaveAnswersAsync(applicationId, new ScriptAnswersInput
        {
            LateReason = lateReason, ReachableTimes = "平日の18時以降", LearnedInInterview = "入社後の研修の進め方",
            MessageMayNotHaveReached = true, WritesInEnglish = true,
        })).Succeeded);
        Assert.True((await scripts.SaveEditAsync(applicationId, ScriptKind.FollowUpEmail, ScriptLanguage.Japanese,
            new ScriptEdit("選考状況のご確認", "株式会社〇〇\n採用ご担当者様\n\nお世話になっております。"))).Succeeded);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True((await scripts.SaveEditAsync(applicationId, ScriptKind.FollowUpEmail, ScriptLanguage.English,
            new ScriptEdit("Inquiry about the selection", "Dear Hiring Team,\nThank you …"))).Succeeded);
        Assert.True((await scripts.SaveEditAsync(applicationId, ScriptKind.FollowUpPhone, ScriptLanguage.Japanese,
            new ScriptEdit(null, "お世話になっております。"))).Succeeded);
    }

    private ScriptService ScriptsFor(string owner)
    {
        var user = new TestCurrentUser(owner);
        var factory = app.Services.GetRequiredService<IDbContextFactory<FollowUpDbContext>>();
        return new ScriptService(factory, app.ServiceFor(owner), new ProfileService(factory, user), user, app.Clock);
    }

    private static async Task<string> ExportJsonAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/account/export.json", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("followup-", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName, StringComparison.Ordinal);
        return await response.Content.ReadAsStringAsync();
    }

    private static Task<IDocument> ImportAsync(HttpClient client, byte[] file) => ImportForm.PostAsync(client, file);

    private static string Canonical(string json)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        node.Remove("exportedAtUtc");
        return node.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    private async Task DeleteAllDataAsync(string owner)
    {
        await using var db = app.CreateDbContext();
        await db.ApplicationsOf(owner).ExecuteDeleteAsync();
        await db.DefaultsOf(owner).ExecuteDeleteAsync();
        await db.Users.Where(u => u.Id == owner).ExecuteUpdateAsync(u => u
            .SetProperty(x => x.FullName, (string?)null)
            .SetProperty(x => x.Furigana, (string?)null)
            .SetProperty(x => x.Affiliation, (string?)null)
            .SetProperty(x => x.PhoneNumber, (string?)null)
            .SetProperty(x => x.TimeZoneId, "Asia/Tokyo"));
    }

    /// <summary>Three applications covering every column: routes, calendars, closures, every promise and event kind.</summary>
    private async Task SeedRichAsync(string owner)
    {
        var service = app.ServiceFor(owner);
        var round = await Seed.ApplicationWithHistoryAsync(service, "株式会社ラウンド");
        await SeedScriptsAsync(owner, round.ApplicationId, "出張中で電話に出られませんでした");

        var agency = Seed.Application("エージェント経由株式会社");
        agency.Route = ApplicationRoute.StaffingAgency;
        agency.AgencyName = "テストエージェント";
        agency.AgencyCoordinator = "鈴木様";
        agency.OpensAt = "10:00";
        agency.ClosesAt = "17:30";
        agency.ClosedWeekdays = [DayOfWeek.Sunday, DayOfWeek.Wednesday];
        agency.ObservesNationalHolidays = false;
        agency.YearEndClosure = false;
        agency.ObonClosure = true;
        agency.ExtraClosures = "2026-12-24\n2027-01-04..2027-01-05";
        agency.CustomPolicy = true;
        agency.Policy = PolicyInput.From(new PolicySettings
        {
            InquiryGraceBusinessDays = 4, CallbackRetryAfterBusinessDays = 1, CallbackRetryDueBusinessDays = 2, MaxCallAttempts = 5,
            FollowUpLimit = 2, MoveOnAfterBusinessDays = 10, CallWindowMarginHours = 0, AvoidLunch = false, SuggestThankYou = false,
        });
        var a2 = await service.CreateAsync(agency);
        Assert.True(a2.Succeeded, string.Join("; ", a2.Errors));
        Assert.True((await service.AddInterviewAsync(a2.Id, new InterviewInput
        {
            Date = "2026-11-18", Time = "14:30", Stage = InterviewStage.Final, PromiseKind = ReplyPromiseKind.ByDate,
            PromiseDate = "2026-11-27", ContactsSuccessfulOnly = true, Notes = "最終面接",
        })).Succeeded);
        Assert.True((await service.AddInterviewAsync(a2.Id, new InterviewInput { Date = "2026-11-10", Time = "09:15", Stage = InterviewStage.First })).Succeeded);
        foreach (var e in new EventInput[]
                 {
                     new() { Kind = ContactEventKind.CallMade, Date = "2026-11-19", Time = "10:05", CallOutcome = CallOutcome.NoAnswer, CallPurpose = CallPurpose.FollowUp, Note = "不在" },
                     new() { Kind = ContactEventKind.EmailSent, Date = "2026-11-18", Time = "18:00", EmailPurpose = EmailPurpose.ThankYou },
                     new() { Kind = ContactEventKind.ContactReceived, Date = "2026-11-20", Time = "12:00", Channel = ContactChannel.Email },
                     new() { Kind = ContactEventKind.Result, Date = "2026-11-21", Time = "09:00", ResultOutcome = ResultOutcome.UnderReview, NewDate = "2026-12-04" },
                     new() { Kind = ContactEventKind.ThankYouSkipped, Date = "2026-11-18", Time = "19:00" },
                 })
        {
            var saved = await service.LogEventAsync(a2.Id, e);
            Assert.True(saved.Succeeded, string.Join("; ", saved.Errors));
        }

        var bare = new ApplicationInput { Company = "最小限の会社", OpensAt = "09:00", ClosesAt = "18:00", ClosedWeekdays = [] };
        Assert.True((await service.CreateAsync(bare)).Succeeded);

        var defaults = new DefaultsInput
        {
            OpensAt = "10:00", ClosesAt = "19:00", ClosedWeekdays = [DayOfWeek.Sunday, DayOfWeek.Monday],
            ObservesNationalHolidays = false, YearEndClosure = false, ObonClosure = true,
        };
        defaults.Policy.InquiryGraceBusinessDays = 5;
        defaults.Policy.AvoidLunch = false;
        Assert.True((await new DefaultsService(
            app.Services.GetRequiredService<IDbContextFactory<FollowUpDbContext>>(), new TestCurrentUser(owner), app.Clock,
            NullLogger<DefaultsService>.Instance, app.Services.GetRequiredService<FollowUp.Web.Features.Reminders.IApplicationChanged>()).SaveAsync(defaults)).Succeeded);

        app.Clock.Advance(TimeSpan.FromMinutes(5));
        await using var db = app.CreateDbContext();
        await db.Users.Where(u => u.Id == owner).ExecuteUpdateAsync(u => u
            .SetProperty(x => x.FullName, "山田 太郎")
            .SetProperty(x => x.Furigana, "やまだ たろう")
            .SetProperty(x => x.Affiliation, "東京大学 経済学部")
            .SetProperty(x => x.PhoneNumber, "090-1234-5678"));
        // A non-default zone survives the round trip too.
        await db.Applications.Where(a => a.OwnerId == owner && a.Company == "最小限の会社")
            .ExecuteUpdateAsync(a => a.SetProperty(x => x.TimeZoneId, "Asia/Seoul"));
    }

    private static ExportedApplication Valid(string company, string interviewDate = "2026-11-20", string eventTime = "09:30",
        ContactEventKind eventKind = ContactEventKind.MissedCall) => new()
    {
        Company = company,
        OpensAt = "09:00",
        ClosesAt = "18:00",
        ClosedWeekdays = [DayOfWeek.Saturday, DayOfWeek.Sunday],
        ObservesNationalHolidays = true,
        Interviews = [new ExportedInterview { Date = interviewDate, Time = "10:00", PromiseKind = ReplyPromiseKind.WithinBusinessDays, PromiseCount = 3 }],
        Events = [new ExportedEvent { Kind = eventKind, Date = "2026-11-24", Time = eventTime, Voicemail = VoicemailKind.CallBack }],
    };
}
