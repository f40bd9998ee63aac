using System.Net;
using FollowUp.Web.Features.Applications;
using FollowUp.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FollowUp.Web.Tests.Applications;

/// <summary>
/// Every <c>mailto:</c> and <c>tel:</c> link the pages build from stored text carries the address or number only:
/// a crafted address cannot add header fields (Cc, body) and a crafted number cannot become anything but digits.
/// </summary>
public sealed class ContactLinkTests(FollowUpAppFactory app) : IClassFixture<FollowUpAppFactory>
{
    // Valid by RFC 5322 (a quoted local part), accepted by the form, and a header injection if written raw.
    private const string CraftedEmail = "\"x?cc=evil@evil.example&body=hi\"@acme.example";

    [Fact]
    public async Task The_application_page_encodes_a_crafted_email_and_keeps_the_number_to_digits()
    {
        var (client, service) = await SignedInAsync();
        var created = await service.CreateAsync(new ApplicationInput { Company = "リンク株式会社", Email = CraftedEmail, Phone = "03-1234-5678" });
        Assert.True(created.Succeeded, string.Join("; ", created.Errors));

        var page = await Forms.GetDocumentAsync(client, $"/applications/{created.Id}");

        var mailto = Assert.Single(page.QuerySelectorAll("a[href^='mailto:']")).GetAttribute("href")!;
        AssertAddressOnly(mailto, CraftedEmail, allowedFields: []);
        var tel = Assert.Single(page.QuerySelectorAll("a[href^='tel:']")).GetAttribute("href");
        Assert.Equal("tel:0312345678", tel);
    }

    [Fact]
    public async Task A_stored_number_that_is_not_a_phone_number_gets_no_link()
    {
        var (client, service) = await SignedInAsync();
        var created = await service.CreateAsync(new ApplicationInput { Company = "電話の変な会社", Phone = "03-1234-5678" });
        Assert.True(created.Succeeded);
        // Written behind the form's back (an older release, a hand-edited import): the page must still be safe.
        await using (var db = app.CreateDbContext())
        {
            await db.Applications.Where(a => a.Id == created.Id)
                .ExecuteUpdateAsync(a => a.SetProperty(x => x.Phone, "0312345678;ext=1?x=javascript:alert(1)"));
        }

        var page = await Forms.GetDocumentAsync(client, $"/applications/{created.Id}");

        Assert.Empty(page.QuerySelectorAll("a[href^='tel:']"));
        Assert.Contains("0312345678;ext=1", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_script_page_encodes_the_address_and_keeps_only_subject_and_body()
    {
        var (client, service) = await SignedInAsync();
        var created = await service.CreateAsync(new ApplicationInput { Company = "スクリプト株式会社", Email = CraftedEmail });
        Assert.True(created.Succeeded);

        var page = await Forms.GetDocumentAsync(client, $"/applications/{created.Id}/scripts/ThankYouEmail");

        var mailto = page.QuerySelector("[data-testid=mailto]")?.GetAttribute("href");
        Assert.NotNull(mailto);
        AssertAddressOnly(mailto!, CraftedEmail, allowedFields: ["subject", "body"]);
    }

    /// <summary>The part before '?' decodes to the stored address; the query names only the allowed fields.</summary>
    private static void AssertAddressOnly(string href, string address, string[] allowedFields)
    {
        Assert.StartsWith("mailto:", href, StringComparison.Ordinal);
        var rest = href["mailto:".Length..];
        var query = rest.IndexOf('?', StringComparison.Ordinal);
        var to = query < 0 ? rest : rest[..query];
        Assert.Equal(address, Uri.UnescapeDataString(to));
        Assert.DoesNotContain('&', to);
        Assert.DoesNotContain('?', to);
        var fields = query < 0 ? [] : rest[(query + 1)..].Split('&').Select(f => f.Split('=')[0]).ToArray();
        Assert.Equal(allowedFields, fields);
    }

    private async Task<(HttpClient Client, ApplicationService Service)> SignedInAsync()
    {
        var email = $"links-{Guid.NewGuid():N}@example.jp";
        var client = app.CreateBrowserLikeClient();
        using var registered = await Forms.RegisterAsync(client, email, FollowUpAppFactory.Password);
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        return (client, app.ServiceFor((await app.UserIdAsync(email))!));
    }
}
