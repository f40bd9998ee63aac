using Microsoft.Extensions.Localization;
using MudBlazor;

namespace FollowUp.Web.Components;

/// <summary>The app's one confirmation: "delete this?" with a Delete and a Cancel button in the page's language.</summary>
public static class DialogExtensions
{
    public static async Task<bool> ConfirmDeleteAsync(this IDialogService dialogs, string message, IStringLocalizer<SharedResource> l)
    {
        ArgumentNullException.ThrowIfNull(dialogs);
        ArgumentNullException.ThrowIfNull(l);
        var answer = await dialogs.ShowMessageBoxAsync(l["Common.Delete"], message, yesText: l["Common.Delete"], cancelText: l["Common.Cancel"],
            options: new DialogOptions { MaxWidth = MaxWidth.ExtraSmall, FullWidth = true, CloseOnEscapeKey = true });
        return answer == true;
    }
}
