using Microsoft.AspNetCore.Components;

namespace FollowUp.Web.Infrastructure;

/// <summary>
/// Pages that show one of the user's rows answer 404 when the row is not theirs (or not there), with the
/// not-found notice, instead of 200: <see cref="NavigationManager.NotFound"/> sets the status while the page is
/// rendered on the server (the status-code page then renders), and leaves an interactive page showing its notice.
/// </summary>
public static class NotFoundStatus
{
    /// <summary>Returns whether the page has nothing to show (<paramref name="found"/> is false), telling Blazor so.</summary>
    public static bool Unless(bool found, NavigationManager navigation)
    {
        ArgumentNullException.ThrowIfNull(navigation);
        if (!found)
        {
            navigation.NotFound();
        }
        return !found;
    }
}
