using System.Globalization;

namespace FollowUp.Domain.Scripts.Templates;

/// <summary>
/// Reply by email after callbacks did not connect: that one tried to call back (and when), the
/// times one can be reached, and what their call was probably about.
/// </summary>
internal static class EmailInstead
{
    public static Draft Write(Slots s, bool ja) => ja ? Japanese(s) : English(s);

    private static Draft Japanese(Slots s)
    {
        var name = s.Name(ja: true);
        var missed = s.MissedCallJa is { } m ? $"{m}に" : string.Empty;
        var from = s.IsAgency && s.CoordinatorJa is { } c ? $"{c}から" : string.Empty;
        var attempts = s.Ctx.CallAttempts.IsDefaultOrEmpty
            ? "何度か"
            : string.Join("、", s.Ctx.CallAttempts.Order().Select(t => ScriptDates.JaDateTime(t) + "頃")) + "に";
        var topic = s.CallTopic
            ?? (s.IsAgency
                ? $"{s.Company(ja: true)}様との{s.InterviewWordJa}"
                : $"{ScriptDates.JaDate(s.InterviewDate)}の{s.StageJa}");

        var body = $"""
            {s.OpeningJa()}

            {missed}{from}お電話をいただきながら、出ることができず大変失礼いたしました。
            {attempts}折り返しお電話を差し上げましたが、つながらなかったため、
            メールにてご連絡いたしました。

            お電話は、{topic}の件でのご連絡かと存じます。
            お手数ですが、本メールにご返信いただく形でご用件をお知らせいただけますと幸いです。
            お電話をいただける場合は、{s.Reachable(ja: true)}でしたらお受けできます。

            お忙しいところ恐れ入りますが、何卒よろしくお願いいたします。

            {s.SignatureJa()}
            """;

        return new($"お電話への折り返しの件（{name}）", ScriptLines.Tidy(body),
        [
            "電話がつながらないまま時間がたつより、メールで用件を確認するほうが確実です。",
            "電話に出られる時間帯は、具体的に書きましょう。",
        ]);
    }

    private static Draft English(Slots s)
    {
        var name = s.Name(ja: false);
        var missed = s.MissedCallEn is { } m ? $" {m}" : string.Empty;
        var attempts = s.Ctx.CallAttempts.IsDefaultOrEmpty
            ? "several times"
            : string.Create(CultureInfo.InvariantCulture, $"{s.Ctx.CallAttempts.Length} time{(s.Ctx.CallAttempts.Length == 1 ? string.Empty : "s")} (")
                + string.Join("; ", s.Ctx.CallAttempts.Order().Select(ScriptDates.EnDateTime)) + ")";
        var topic = s.CallTopic
            ?? (s.IsAgency
                ? $"my {s.StageEn} with {s.Company(ja: false)}"
                : $"my {s.StageEn} on {ScriptDates.EnDate(s.InterviewDate)}");
        var intro = s.IsAgency
            ? $"This is {name}, registered with {s.Agency(ja: false)}."
            : $"My name is {name}. I had my {s.StageEn} at {s.Company(ja: false)} on {ScriptDates.EnDate(s.InterviewDate)}.";

        var body = $"""
            {s.GreetingEn()}

            {intro}

            I am sorry I missed your call{missed}.
            I tried to call you back {attempts} but could not get through, so I am writing instead.

            I believe your call was about {topic}.
            If convenient, could you let me know what it concerned by replying to this email?
            If you would prefer to call, the best time to reach me is {s.Reachable(ja: false)}.

            Thank you for your understanding.

            Best regards,

            {s.SignatureEn()}
            """;

        return new($"Returning your call ({name})", ScriptLines.Tidy(body),
        [
            "When calls keep missing each other, an email is the surest way to learn what they wanted.",
            "Be specific about when you can take calls.",
        ]);
    }
}
