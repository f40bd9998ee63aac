using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace FollowUp.Web.Features.Reminders;

/// <summary>
/// The browser side of system notifications (<c>wwwroot/notifications.js</c>), imported once per circuit. Whether
/// this device opted in is known only to the browser (localStorage), so every delivery is offered to it and the
/// module decides. Calls never throw: a page that went away simply shows nothing.
/// </summary>
public sealed class BrowserNotifications(IJSRuntime js, ILogger<BrowserNotifications> logger) : IAsyncDisposable
{
    public const string ModulePath = "./notifications.js";

    private Task<IJSObjectReference>? _module;

    /// <summary>Lets the module handle the on/off buttons inside <paramref name="root"/>; returns the device's state.</summary>
    public async Task<string> AttachAsync<T>(ElementReference root, DotNetObjectReference<T> component) where T : class =>
        await CallAsync<string>("attach", root, component) ?? "unsupported";

    public Task DetachAsync(ElementReference root) => CallAsync<object>("detach", root);

    /// <summary>
    /// Offers a notification to the browser without waiting for it: delivery goes on to the next page and the next
    /// reminder while this one travels to the browser. A click calls <paramref name="clicked"/>'s
    /// <c>NotificationClicked(reminderId)</c> (a <c>[JSInvokable]</c> method) and opens <paramref name="url"/>.
    /// </summary>
    public void Show<T>(string title, string body, string tag, string lang, string url, DotNetObjectReference<T> clicked, int reminderId)
        where T : class =>
        _ = CallAsync<bool>("show", title, body, tag, lang, url, clicked, reminderId);

    private async Task<TValue?> CallAsync<TValue>(string function, params object?[] args)
    {
        try
        {
            var module = await (_module ??= js.InvokeAsync<IJSObjectReference>("import", ModulePath).AsTask());
            return await module.InvokeAsync<TValue>(function, args);
        }
        catch (Exception ex) when (ex is JSException or JSDisconnectedException or TaskCanceledException
            or InvalidOperationException or ObjectDisposedException)
        {
            // Disconnected, prerendering or the module failed: nothing to show, nothing to break.
            if (ex is JSException)
            {
                logger.LogDebug(ex, "Browser notifications: {Function} failed in the browser", function);
            }
            if (_module is { IsCompleted: true, IsCompletedSuccessfully: false })
            {
                _module = null; // a failed import is tried again next time
            }
            return default;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_module is { IsCompletedSuccessfully: true } module)
        {
            try
            {
                await (await module).DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The circuit is gone and took the module with it.
            }
        }
    }
}
