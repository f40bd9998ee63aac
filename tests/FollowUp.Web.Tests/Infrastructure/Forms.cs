using AngleSharp;
using AngleSharp.Dom;

namespace FollowUp.Web.Tests.Infrastructure;

/// <summary>Real form posts against static SSR pages: fetch the page, keep its hidden fields (antiforgery token, handler), post.</summary>
public static class Forms
{
    public static async Task<IDocument> ParseAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var html = await response.Content.ReadAsStringAsync();
        return await ParseAsync(html);
    }

    public static async Task<IDocument> ParseAsync(string html)
    {
        var context = BrowsingContext.New(Configuration.Default);
        return await context.OpenAsync(req => req.Content(html));
    }

    /// <summary>GETs <paramref name="url"/>, finds the form named <paramref name="formName"/>, fills <paramref name="fields"/> and posts it.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(
        HttpClient client, string url, string formName, IReadOnlyDictionary<string, string> fields)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(fields);
        using var page = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.OK, page.StatusCode);
        var doc = await ParseAsync(page);
        var form = doc.QuerySelectorAll("form")
            .FirstOrDefault(f => f.QuerySelector("input[name=_handler]")?.GetAttribute("value") == formName);
        Assert.True(form is not null, $"No form '{formName}' on {url}");
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var hidden in form!.QuerySelectorAll("input[type=hidden]"))
        {
            var name = hidden.GetAttribute("name");
            if (!string.IsNullOrEmpty(name))
            {
                values[name] = hidden.GetAttribute("value") ?? "";
            }
        }
        Assert.True(values.ContainsKey("__RequestVerificationToken"), $"Form '{formName}' has no antiforgery token");
        foreach (var (name, value) in fields)
        {
            values[name] = value;
        }
        var action = form.GetAttribute("action");
        var target = string.IsNullOrEmpty(action) ? url : action;
        using var content = new FormUrlEncodedContent(values);
        return await client.PostAsync(new Uri(target, UriKind.RelativeOrAbsolute), content);
    }

    /// <summary>Registers through the real form; the client ends up signed in (auth cookie).</summary>
    public static async Task<HttpResponseMessage> RegisterAsync(HttpClient client, string email, string password, string? confirm = null) =>
        await SubmitAsync(client, "/account/register", "register", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = confirm ?? password,
        });

    /// <summary>The path and query a redirect points to, whether the header is absolute or relative.</summary>
    public static string RedirectTarget(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var location = response.Headers.Location;
        Assert.NotNull(location);
        return location!.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
    }

    public static async Task<IDocument> GetDocumentAsync(HttpClient client, string url)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return await ParseAsync(response);
    }
}
