using System.Net;
using System.Text;
using FollowUp.Web.Tests.Infrastructure;

namespace FollowUp.Web.Tests.DataSafety;

/// <summary>
/// Uploads as browsers send them: a file saved by a Windows editor (UTF-8 with a byte-order mark) imports, and any
/// upload over the size limit, up to and past Kestrel's own 30 MB request limit, is answered with the "too large"
/// message on the import page (the real server, because the in-memory test server has no request size limit).
/// </summary>
public sealed class ImportUploadTests(AppServerFixture fixture) : IClassFixture<AppServerFixture>
{
    [Fact]
    public async Task A_file_with_a_utf8_byte_order_mark_imports()
    {
        using var client = await SignedInAsync();
        var json = """{"format":"followup-export","version":1,"applications":[{"company":"BOMの会社","opensAt":"09:00","closesAt":"18:00"}]}""";

        var page = await PostAsync(client, [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(json)]);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("応募1件、面接0件、やりとり0件を読み込みました。", page.Html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(6 * 1024 * 1024)]
    [InlineData(29 * 1024 * 1024)]
    [InlineData(30_500_000)]
    [InlineData(31 * 1024 * 1024)]
    [InlineData(40 * 1024 * 1024)]
    public async Task Any_upload_over_the_limit_gets_the_too_large_message(int size)
    {
        using var client = await SignedInAsync();
        var file = new byte[size];
        Array.Fill(file, (byte)' ');

        var page = await PostAsync(client, file);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("ファイルが5 MBを超えています。", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("antiforgery", page.Html, StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<(HttpStatusCode Status, string Html)> PostAsync(HttpClient client, byte[] file)
    {
        using var response = await ImportForm.SendAsync(client, file);
        if (response.StatusCode is HttpStatusCode.SeeOther or HttpStatusCode.Redirect)
        {
            // Post, redirect, get: the answer is the import page the redirect names.
            using var followed = await client.GetAsync(new Uri(Forms.RedirectTarget(response), UriKind.Relative));
            return (followed.StatusCode, await followed.Content.ReadAsStringAsync());
        }
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task<HttpClient> SignedInAsync()
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = fixture.Server.BaseUri,
            Timeout = TimeSpan.FromSeconds(60),
        };
        using var registered = await Forms.RegisterAsync(client, $"upload-{Guid.NewGuid():N}@example.jp", FollowUpAppFactory.Password);
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        return client;
    }
}
