using Microsoft.Extensions.Localization;

namespace FollowUp.Web.Infrastructure;

/// <summary>Enum values as words in the user's language: the key is <c>TypeName.Value</c>.</summary>
public static class EnumText
{
    public static string Of<T>(this IStringLocalizer localizer, T value) where T : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(localizer);
        return localizer[$"{typeof(T).Name}.{value}"];
    }

    /// <summary>Options for a radio list or drop-down.</summary>
    public static IReadOnlyList<Choice<T>> Options<T>(this IStringLocalizer localizer) where T : struct, Enum =>
        [.. Enum.GetValues<T>().Select(v => new Choice<T>(v, localizer.Of(v)))];
}

/// <summary>A value and its label.</summary>
public sealed record Choice<T>(T Value, string Text);
