using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Localization;

namespace FollowUp.Web.Infrastructure;

/// <summary>
/// The app's string localizer, one per process: looks each (culture, key) up in the resx once and keeps the
/// answer. The framework's localizer walks the resource sets under a lock on every call, and a long Today
/// page makes hundreds of calls. Formatting with arguments still happens per call, in the current culture.
/// </summary>
public sealed class CachedLocalizer(IStringLocalizerFactory factory) : IStringLocalizer<SharedResource>
{
    // Keys come from code, so the set is small and fixed; the cap only guards against a bug that builds keys from data.
    private const int MaxEntries = 20_000;

    private readonly IStringLocalizer _inner = factory.Create(typeof(SharedResource));
    private readonly ConcurrentDictionary<(string Culture, string Name), LocalizedString> _cache = new();

    public LocalizedString this[string name]
    {
        get
        {
            ArgumentNullException.ThrowIfNull(name);
            var key = (CultureInfo.CurrentUICulture.Name, name);
            if (_cache.TryGetValue(key, out var hit))
            {
                return hit;
            }
            var found = _inner[name];
            if (_cache.Count < MaxEntries)
            {
                _cache.TryAdd(key, found);
            }
            return found;
        }
    }

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var format = this[name];
            var value = string.Format(CultureInfo.CurrentCulture, format.Value, arguments);
            return new LocalizedString(name, value, format.ResourceNotFound, format.SearchedLocation);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => _inner.GetAllStrings(includeParentCultures);
}
