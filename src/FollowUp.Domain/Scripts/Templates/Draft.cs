using System.Collections.Immutable;

namespace FollowUp.Domain.Scripts.Templates;

/// <summary>A template's output before the writer wraps it into a <see cref="Script"/>.</summary>
internal sealed record Draft(string? Subject, string Body, ImmutableArray<string> Notes);

/// <summary>Text shared by the phone scripts.</summary>
internal static class PhoneParts
{
    // The spec asks for this before every call: taking notes and agreeing dates on the spot.
    public const string BeforeDialingJa = """
        ■ 電話をかける前に
        ・メモ帳とペン、スケジュール帳（カレンダー）を手元に用意しましょう。
        ・静かで電波の良い場所からかけましょう。
        """;

    public const string BeforeDialingEn = """
        ■ Before you dial
        - Have a memo pad, a pen and your schedule at hand.
        - Call from a quiet place with good reception.
        """;

    public const string CallWindowJa = "電話は営業日の10〜12時、13〜17時にかけましょう（始業直後・昼休み・終業間際は避けます）。";

    public const string CallWindowEn = "Call on a business day between 10:00–12:00 or 13:00–17:00 (not right after opening, at lunch or just before closing).";
}
