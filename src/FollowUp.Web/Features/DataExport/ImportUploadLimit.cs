using Microsoft.AspNetCore.Http.Features;

namespace FollowUp.Web.Features.DataExport;

/// <summary>
/// Any upload to the import page over the size limit gets the page's "too large" message. Without this, a body
/// near Kestrel's own limit (30,000,000 bytes) failed while the antiforgery check read the form ("token missing",
/// 400) and a larger one broke the connection. Posts whose declared length is over the limit are read and dropped
/// (up to <see cref="MaxDiscardBytes"/>, so the browser can see the answer) and sent back to the page with the
/// message; a body without a declared length is cut at the limit while the form is read, with the same answer.
/// </summary>
public static class ImportUploadLimit
{
    /// <summary>The import page, whose form posts to itself.</summary>
    public const string Path = "/account/import";

    /// <summary>The query value that makes the import page show the "too large" message.</summary>
    public const string TooLargeProblem = "too-large";

    /// <summary>Room for the form's other fields and the multipart boundaries around the file.</summary>
    public const long FormAllowance = 64 * 1024;

    /// <summary>Beyond this, an over-size body is not read at all: the answer is sent and the connection closed.</summary>
    public const long MaxDiscardBytes = 64 * 1024 * 1024;

    public static IApplicationBuilder UseImportUploadLimit(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Use(static async (context, next) =>
        {
            var request = context.Request;
            if (!HttpMethods.IsPost(request.Method) || !request.Path.Equals(Path, StringComparison.OrdinalIgnoreCase))
            {
                await next(context);
                return;
            }
            var limit = DataImporter.MaxImportBytes + FormAllowance;
            var size = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
            if (request.ContentLength > limit)
            {
                await DiscardAsync(context, size, request.ContentLength.Value);
                TooLarge(context);
                return;
            }
            if (size is { IsReadOnly: false })
            {
                size.MaxRequestBodySize = limit;
            }
            if (request.HasFormContentType)
            {
                try
                {
                    // Read here, before the antiforgery check would; the page and the check then use this form.
                    await request.ReadFormAsync(context.RequestAborted);
                }
                catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
                {
                    TooLarge(context);
                    return;
                }
            }
            await next(context);
        });
    }

    /// <summary>The report the import page shows for a <c>problem</c> query value; null for none.</summary>
    public static ImportReport? ReportFor(string? problem) => problem == TooLargeProblem
        ? ImportReport.TooLarge()
        : null;

    private static async Task DiscardAsync(HttpContext context, IHttpMaxRequestBodySizeFeature? size, long length)
    {
        if (length > MaxDiscardBytes)
        {
            return;
        }
        if (size is { IsReadOnly: false })
        {
            size.MaxRequestBodySize = length;
        }
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            while (await context.Request.Body.ReadAsync(buffer, context.RequestAborted) > 0)
            {
            }
        }
        catch (BadHttpRequestException)
        {
            // The client sent more than it declared, or too slowly: the answer below still goes out.
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static void TooLarge(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status303SeeOther;
        context.Response.Headers.Location = $"{Path}?problem={TooLargeProblem}";
    }
}
