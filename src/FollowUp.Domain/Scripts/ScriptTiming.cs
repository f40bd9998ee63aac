using System.Globalization;
using FollowUp.Domain.Advice;

namespace FollowUp.Domain.Scripts;

/// <summary>Turns a <see cref="ReplyPromise"/> into the words a script uses for it.</summary>
public static class ScriptTiming
{
    /// <summary>
    /// The timing words for <see cref="ScriptContext.ResultTiming"/>, e.g. 「1週間以内」 / "within a week".
    /// A by-date promise gives <see langword="null"/>: pass its date as <see cref="ScriptContext.PromisedDate"/> instead.
    /// </summary>
    /// <param name="promise">What the company said.</param>
    /// <returns>The words, or <see langword="null"/> when there are none.</returns>
    public static LocalizedText? From(ReplyPromise promise)
    {
        ArgumentNullException.ThrowIfNull(promise);
        if (promise.Count is not { } n)
        {
            return null;
        }

        var c = CultureInfo.InvariantCulture;
        return promise.Kind switch
        {
            ReplyPromiseKind.WithinDays => new(string.Create(c, $"{n}日以内"), n == 1 ? "within a day" : string.Create(c, $"within {n} days")),
            ReplyPromiseKind.WithinWeeks => new(string.Create(c, $"{n}週間以内"), n == 1 ? "within a week" : string.Create(c, $"within {n} weeks")),
            ReplyPromiseKind.WithinBusinessDays => new(string.Create(c, $"{n}営業日以内"), n == 1 ? "within a business day" : string.Create(c, $"within {n} business days")),
            _ => null,
        };
    }
}
