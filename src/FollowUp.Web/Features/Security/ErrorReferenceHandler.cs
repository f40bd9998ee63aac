using System.Security.Cryptography;
using Microsoft.AspNetCore.Diagnostics;

namespace FollowUp.Web.Features.Security;

/// <summary>
/// Gives an unhandled exception a short reference (e.g. <c>E-7K3M9QXD</c>), logs the exception with it, and leaves
/// the response to the exception handler's <c>/error</c> page, which shows the same reference and no details.
/// </summary>
public sealed partial class ErrorReferenceHandler(ILogger<ErrorReferenceHandler> logger) : IExceptionHandler
{
    /// <summary>The <see cref="HttpContext.Items"/> key holding the reference of the current error.</summary>
    public const string ItemKey = "FollowUp.ErrorReference";

    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    public ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var reference = NewReference();
        httpContext.Items[ItemKey] = reference;
        LogUnhandled(logger, exception, reference, httpContext.Request.Method, httpContext.Request.Path.Value, httpContext.TraceIdentifier);
        // Not handled here: the middleware goes on to render /error.
        return ValueTask.FromResult(false);
    }

    /// <summary>The reference of the error being shown, if the request is the re-executed error page.</summary>
    public static string? ReferenceOf(HttpContext? context) =>
        context?.Items.TryGetValue(ItemKey, out var value) == true ? value as string : null;

    internal static string NewReference() => "E-" + RandomNumberGenerator.GetString(Alphabet, 8);

    [LoggerMessage(EventId = 9000, Level = LogLevel.Error,
        Message = "Unhandled exception, error reference {ErrorReference} ({Method} {Path}, trace {TraceIdentifier})")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string errorReference, string method, string? path, string traceIdentifier);
}
