using Microsoft.Extensions.Localization;
using MudBlazor;

namespace FollowUp.Web.Infrastructure;

/// <summary>
/// MudBlazor's own words (picker and dialog buttons, "Close", conversion errors) in the page's language, from the
/// app's resources under <c>MudBlazor.&lt;key&gt;</c> (MudBlazor.Translations is not available here); any key the app
/// does not translate falls back to MudBlazor's English.
/// </summary>
public sealed class MudStrings(IStringLocalizer<SharedResource> app) : MudLocalizer
{
    public override LocalizedString this[string key]
    {
        get
        {
            var mine = app[$"MudBlazor.{key}"];
            return mine.ResourceNotFound ? base[key] : new LocalizedString(key, mine.Value);
        }
    }

    public override LocalizedString this[string key, params object[] arguments]
    {
        get
        {
            var mine = app[$"MudBlazor.{key}", arguments];
            return mine.ResourceNotFound ? base[key, arguments] : new LocalizedString(key, mine.Value);
        }
    }
}
