namespace FollowUp.Web;

/// <summary>Marker for the app's one resource set (Resources/SharedResource*.resx).</summary>
#pragma warning disable CA1052 // a marker type for IStringLocalizer<T>; never instantiated
public sealed class SharedResource
#pragma warning restore CA1052
{
    private SharedResource()
    {
    }
}
