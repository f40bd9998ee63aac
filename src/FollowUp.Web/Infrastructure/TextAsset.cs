using System.Security.Cryptography;
using System.Text;
using Microsoft.Net.Http.Headers;

namespace FollowUp.Web.Infrastructure;

/// <summary>
/// A small text file the app builds at start-up (the theme's stylesheet, the icon sprite) and serves itself. Its
/// address carries a hash of its content, so a page links to exactly this version, browsers keep it for a year,
/// and a deployment that changes it changes the address.
/// </summary>
/// <param name="Path">Where it is served, e.g. <c>/theme.css</c>.</param>
/// <param name="Content">The text.</param>
/// <param name="ContentType">Its media type, without charset (UTF-8 is added).</param>
public sealed record TextAsset(string Path, string Content, string ContentType)
{
    /// <summary>The first 12 hex digits of the content's SHA-256.</summary>
    public string Version { get; } = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Content)))[..12];

    /// <summary>The address to link to: the path with the version in its query.</summary>
    public string Href => $"{Path}?v={Version}";

    /// <summary>
    /// The content, cached for a year when asked for by this version; an address with another version or none
    /// (an old page after a deployment) still gets the content, revalidated each time.
    /// </summary>
    public IResult Serve(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var etag = new EntityTagHeaderValue($"\"{Version}\"");
        http.Response.Headers.CacheControl = http.Request.Query["v"] == Version ? "public, max-age=31536000, immutable" : "no-cache";
        http.Response.Headers.ETag = etag.ToString();
        if (http.Request.GetTypedHeaders().IfNoneMatch.Any(e => e.Compare(etag, useStrongComparison: false)))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }
        return Results.Text(Content, ContentType, Encoding.UTF8);
    }
}

/// <summary>Maps <see cref="TextAsset"/>s.</summary>
public static class TextAssetEndpoints
{
    /// <summary>Serves the asset <paramref name="asset"/> returns at its path, to anyone (sign-in pages need it too).</summary>
    public static IEndpointRouteBuilder MapTextAsset(this IEndpointRouteBuilder app, string path, Func<TextAsset> asset)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(asset);
        app.MapGet(path, (HttpContext http) => asset().Serve(http)).AllowAnonymous();
        return app;
    }
}
