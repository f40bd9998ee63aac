using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Dom;
using FollowUp.Web.Tests.Infrastructure;

namespace FollowUp.Web.Tests.DataSafety;

/// <summary>The import page's form, posted like a browser: multipart with its antiforgery token.</summary>
public static class ImportForm
{
    /// <summary>Posts <paramref name="file"/> and returns the page the app answers with.</summary>
    public static async Task<IDocument> PostAsync(HttpClient client, byte[] file, CancellationToken ct = default)
    {
        using var response = await SendAsync(client, file, ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Forms.ParseAsync(await response.Content.ReadAsStringAsync(ct));
    }

    /// <summary>Posts <paramref name="file"/> with the form's hidden fields and returns the answer as it is (no redirect followed).</summary>
    public static async Task<HttpResponseMessage> SendAsync(HttpClient client, byte[] file, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var form = await Forms.GetDocumentAsync(client, "/account/import");
        var element = form.QuerySelectorAll("form").Single(f => f.QuerySelector("input[name=_handler]")?.GetAttribute("value") == "import");
        using var content = new MultipartFormDataContent();
        foreach (var hidden in element.QuerySelectorAll("input[type=hidden]"))
        {
            content.Add(new StringContent(hidden.GetAttribute("value") ?? ""), hidden.GetAttribute("name")!);
        }
        var bytes = new ByteArrayContent(file);
        bytes.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Add(bytes, "Upload", "followup.json");
        return await client.PostAsync(new Uri("/account/import", UriKind.Relative), content, ct);
    }
}
