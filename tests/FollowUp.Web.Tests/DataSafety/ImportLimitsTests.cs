using System.Net;
using System.Text;
using AngleSharp.Dom;
using FollowUp.Web.Features.DataExport;
using FollowUp.Web.Tests.Infrastructure;

namespace FollowUp.Web.Tests.DataSafety;

/// <summary>
/// Files made to exhaust the server are refused from the counts, before any item is built or validated, and the
/// problems listed are capped. (Time and memory on the published app: bench/import/run.sh, docs/performance.md.)
/// </summary>
[Trait("Database", "Both")]
public sealed class ImportLimitsTests(FollowUpAppFactory app) : IClassFixture<FollowUpAppFactory>
{
    private const string Head = """{"format":"followup-export","version":1,"applications":[""";

    [Fact]
    public async Task Five_megabytes_of_empty_applications_get_one_problem_from_the_count()
    {
        var (client, owner) = await SignedInAsync();
        var file = Filled(Head, "{}", "]}");
        var page = await ImportForm.PostAsync(client, file);

        var items = Problems(page);
        var item = Assert.Single(items);
        Assert.Equal("ファイルに応募が1,747,607件、アカウントに0件あります。合計1,000件までです。", item);
        Assert.Contains("何も読み込みませんでした。問題が1件見つかりました。", Report(page), StringComparison.Ordinal);
        Assert.Equal(0, (await app.CountRowsOfAsync(owner)).Applications);
    }

    [Theory]
    [InlineData("interviews", "1件目の応募（多すぎる会社）: 面接が1,747,591件あります。1件の応募につき500件までです。")]
    [InlineData("events", "1件目の応募（多すぎる会社）: やりとりが1,747,593件あります。1件の応募につき500件までです。")]
    [InlineData("closures", "1件目の応募（多すぎる会社）: 臨時休業が1,747,592件あります。1件の応募につき200件までです。")]
    [InlineData("scriptDrafts", "1件目の応募（多すぎる会社）: 編集したスクリプトが1,747,591件あります。1件の応募につき18件（種類と言語ごとに1件）までです。")]
    public async Task One_application_with_millions_of_items_is_refused_from_the_count(string member, string expected)
    {
        var (client, owner) = await SignedInAsync();
        var file = Filled(Head + $$"""{"company":"多すぎる会社","{{member}}":[""", "{}", "]}]}");
        var page = await ImportForm.PostAsync(client, file);

        Assert.Equal(expected, Assert.Single(Problems(page)));
        Assert.Equal(0, (await app.CountRowsOfAsync(owner)).Applications);
    }

    [Fact]
    public async Task Edited_scripts_are_limited_to_one_per_kind_and_language()
    {
        var (client, owner) = await SignedInAsync();
        // 9 kinds × 2 languages: 18 fit; a 19th cannot be anything but a duplicate, refused from the count.
        var drafts = string.Join(',', Enumerable.Repeat("""{"kind":"ThankYouEmail","language":"ja","body":"x"}""", 19));
        var file = Encoding.UTF8.GetBytes(Head + $$"""{"company":"下書きが多い会社","scriptDrafts":[{{drafts}}]}]}""");

        var page = await ImportForm.PostAsync(client, file);

        Assert.Equal("1件目の応募（下書きが多い会社）: 編集したスクリプトが19件あります。1件の応募につき18件（種類と言語ごとに1件）までです。", Assert.Single(Problems(page)));
        Assert.Equal(0, (await app.CountRowsOfAsync(owner)).Applications);
    }

    [Fact]
    public async Task Rows_in_all_are_limited_per_file()
    {
        var (client, owner) = await SignedInAsync();
        // 60 applications × 400 events: each within its own limit, 24,000 in all.
        var apps = Enumerable.Range(1, 60).Select(n =>
            $$"""{"company":"会社{{n}}","events":[{{string.Join(',', Enumerable.Repeat("{}", 400))}}]}""");
        var file = Encoding.UTF8.GetBytes(Head + string.Join(',', apps) + "]}");

        var page = await ImportForm.PostAsync(client, file);

        Assert.Equal("面接・やりとり・臨時休業が合わせて24,000件あります。1回の読み込みは20,000件までです。", Assert.Single(Problems(page)));
        Assert.Equal(0, (await app.CountRowsOfAsync(owner)).Applications);
    }

    [Fact]
    public async Task Problems_are_listed_up_to_a_cap_and_the_rest_counted()
    {
        var (client, owner) = await SignedInAsync();
        // 300 applications without a company name: 300 problems, the first 100 listed.
        var file = Encoding.UTF8.GetBytes(Head + string.Join(',', Enumerable.Repeat("""{"opensAt":"09:00","closesAt":"18:00"}""", 300)) + "]}");

        var page = await ImportForm.PostAsync(client, file);

        Assert.Equal(DataImporter.MaxProblemsReported, Problems(page).Count);
        Assert.Contains("問題が300件見つかりました。", Report(page), StringComparison.Ordinal);
        Assert.Contains("ほかに200件の問題があります（表示していません）。", Report(page), StringComparison.Ordinal);
        Assert.Equal(0, (await app.CountRowsOfAsync(owner)).Applications);
    }

    [Theory]
    [InlineData("{\"format\":\"followup-export\",\n\"version\":1,\n\"applications\":[{\"company\":\"x\",", "3")]
    [InlineData("{\"format\":\"followup-export\",\"version\":1,\"applications\":[{\"company\":\"x\"}]}} trailing", "1")]
    public async Task Broken_json_is_reported_with_its_line(string content, string line)
    {
        var (client, _) = await SignedInAsync();
        var page = await ImportForm.PostAsync(client, Encoding.UTF8.GetBytes(content));
        var item = Assert.Single(Problems(page));
        Assert.StartsWith("ファイルが正しいJSONではありません", item, StringComparison.Ordinal);
        Assert.Contains($"{line}行目", item, StringComparison.Ordinal);
    }

    /// <summary>A file of exactly 5 MiB: <paramref name="head"/>, then <paramref name="item"/> repeated with commas, then <paramref name="tail"/>.</summary>
    private static byte[] Filled(string head, string item, string tail)
    {
        var h = Encoding.UTF8.GetBytes(head);
        var t = Encoding.UTF8.GetBytes(tail);
        var unit = Encoding.UTF8.GetBytes(item + ",");
        var count = (int)((DataImporter.MaxImportBytes - h.Length - t.Length + 1) / unit.Length);
        var file = new List<byte>((int)DataImporter.MaxImportBytes);
        file.AddRange(h);
        for (var i = 0; i < count; i++)
        {
            file.AddRange(unit);
        }
        file.RemoveAt(file.Count - 1); // the last comma
        file.AddRange(t);
        Assert.True(file.Count <= DataImporter.MaxImportBytes);
        return [.. file];
    }

    private static List<string> Problems(IDocument page) =>
        [.. page.QuerySelectorAll("[data-testid=import-rejected] li").Select(li => li.TextContent.Trim())];

    private static string Report(IDocument page) => page.QuerySelector("[data-testid=import-rejected]")?.TextContent ?? "";

    private async Task<(HttpClient Client, string OwnerId)> SignedInAsync()
    {
        var email = $"limits-{Guid.NewGuid():N}@example.jp";
        var client = app.CreateBrowserLikeClient();
        using var registered = await Forms.RegisterAsync(client, email, FollowUpAppFactory.Password);
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        return (client, (await app.UserIdAsync(email))!);
    }
}
