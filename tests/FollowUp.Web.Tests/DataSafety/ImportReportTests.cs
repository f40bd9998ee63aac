using System.Net;
using System.Text;
using AngleSharp.Dom;
using FollowUp.Web.Data;
using FollowUp.Web.Features.Today;
using FollowUp.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FollowUp.Web.Tests.DataSafety;

/// <summary>
/// What the import says and keeps: problems as sentences (one place, no empty brackets, plurals), applications that
/// are already there skipped and named, and sample data still labelled as such after a round trip.
/// </summary>
[Trait("Database", "Both")]
public sealed class ImportReportTests(FollowUpAppFactory app) : IClassFixture<FollowUpAppFactory>
{
    [Fact]
    public async Task Problems_read_as_sentences_in_english()
    {
        var (client, _) = await SignedInAsync("en");

        var notJson = await ImportForm.PostAsync(client, Encoding.UTF8.GetBytes("not json at all"));
        Assert.Equal("Nothing was imported. One problem was found.", Summary(notJson));
        Assert.Equal("The file is not valid JSON (at $, line 1).", Assert.Single(Problems(notJson)));

        var noCompany = await ImportForm.PostAsync(client, Encoding.UTF8.GetBytes(
            """{"format":"followup-export","version":1,"applications":[{"company":"Acme","opensAt":"09:00","closesAt":"18:00"},{"opensAt":"09:00","closesAt":"18:00"},{"company":"Beta","opensAt":"25:00","closesAt":"18:00"}]}"""));
        Assert.Equal("Nothing was imported. 2 problems were found.", Summary(noCompany));
        Assert.Equal(
            ["Application 2: Company: Please fill this in.", "Application 3 (Beta): Opens at: Enter a time such as 10:00."],
            Problems(noCompany));
    }

    [Fact]
    public async Task Importing_the_same_file_twice_skips_what_is_already_there_and_says_so()
    {
        var (client, owner) = await SignedInAsync("ja");
        var service = app.ServiceFor(owner);
        await Seed.ApplicationWithHistoryAsync(service, "株式会社イチ");
        await Seed.ApplicationWithHistoryAsync(service, "株式会社ニ");
        var export = await ExportAsync(client);

        var page = await ImportForm.PostAsync(client, export);

        Assert.Equal("応募0件、面接0件、やりとり0件を読み込みました。すでにある2件（株式会社イチ、株式会社ニ）は読み込みませんでした。",
            page.QuerySelector("[data-testid=import-done]")?.TextContent.Trim());
        Assert.Equal(2, (await app.CountRowsOfAsync(owner)).Applications);

        // A changed copy is not the same application: it is added; the unchanged one is still skipped.
        var changed = Encoding.UTF8.GetString(export).Replace("株式会社ニ", "株式会社サン", StringComparison.Ordinal);
        var second = await ImportForm.PostAsync(client, Encoding.UTF8.GetBytes(changed));
        Assert.Equal("応募1件、面接1件、やりとり1件を読み込みました。すでにある1件（株式会社イチ）は読み込みませんでした。",
            second.QuerySelector("[data-testid=import-done]")?.TextContent.Trim());
        Assert.Equal(3, (await app.CountRowsOfAsync(owner)).Applications);
    }

    [Fact]
    public async Task Sample_data_keeps_its_label_through_export_and_import()
    {
        var (source, sourceOwner) = await SignedInAsync("ja");
        await new SampleData(app.Services.GetRequiredService<IDbContextFactory<FollowUpDbContext>>(), new TestCurrentUser(sourceOwner), app.Clock,
                app.Services.GetRequiredService<FollowUp.Web.Features.Reminders.IApplicationChanged>())
            .AddAsync(japanese: true);
        var export = await ExportAsync(source);
        var (target, targetOwner) = await SignedInAsync("ja");

        var page = await ImportForm.PostAsync(target, export);

        Assert.NotNull(page.QuerySelector("[data-testid=import-done]"));
        await using var db = app.CreateDbContext();
        var imported = await db.ApplicationsOf(targetOwner).Select(a => a.IsSample).ToListAsync();
        Assert.NotEmpty(imported);
        Assert.All(imported, Assert.True);
    }

    private static string? Summary(IDocument page) =>
        page.QuerySelector("[data-testid=import-rejected] p")?.TextContent.Trim();

    private static List<string> Problems(IDocument page) =>
        [.. page.QuerySelectorAll("[data-testid=import-rejected] li").Select(li => li.TextContent.Trim())];

    private static async Task<byte[]> ExportAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/account/export.json", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private async Task<(HttpClient Client, string OwnerId)> SignedInAsync(string language)
    {
        var email = $"report-{Guid.NewGuid():N}@example.jp";
        var client = app.CreateBrowserLikeClient(language);
        using var registered = await Forms.RegisterAsync(client, email, FollowUpAppFactory.Password);
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        return (client, (await app.UserIdAsync(email))!);
    }
}
