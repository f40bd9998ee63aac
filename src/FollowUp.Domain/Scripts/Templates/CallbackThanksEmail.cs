namespace FollowUp.Domain.Scripts.Templates;

/// <summary>
/// A short mail after a late callback got through (seed 001: follow the call with a note): thanks for
/// taking the call, the apology for the delay said once more in one sentence, and that one still wishes
/// to continue. Nothing else: the reason was given on the phone and need not be repeated in writing.
/// </summary>
internal static class CallbackThanksEmail
{
    public static Draft Write(Slots s, bool ja) => ja ? Japanese(s) : English(s);

    private static Draft Japanese(Slots s)
    {
        var name = s.Name(ja: true);
        var when = s.Ctx.CallbackReachedAt is { } r ? $"{ScriptDates.JaDate(DateOnly.FromDateTime(r))}は、" : string.Empty;
        var wish = s.IsAgency
            ? $"{s.Company(ja: true)}様でのお仕事を引き続き希望しておりますので、どうぞよろしくお願いいたします。"
            : "貴社で働きたいという気持ちに変わりはございませんので、引き続きどうぞよろしくお願いいたします。";
        var body = $"""
            {s.OpeningJa()}

            {when}お電話にてご対応いただき、誠にありがとうございました。
            折り返しのご連絡が遅くなり、ご迷惑をおかけしましたことを、改めてお詫び申し上げます。
            {wish}

            {s.SignatureJa()}
            """;

        return new($"お電話のお礼（{name}）", ScriptLines.Tidy(body),
        [
            "電話で話したあと、その日のうちか翌営業日までに送りましょう。",
            "お詫びは一文で十分です。遅れた理由を書き直したり、言い訳を重ねたりしないようにします。",
        ]);
    }

    private static Draft English(Slots s)
    {
        var name = s.Name(ja: false);
        var company = s.Company(ja: false);
        var when = s.Ctx.CallbackReachedAt is { } r ? $" on {ScriptDates.EnDate(DateOnly.FromDateTime(r))}" : string.Empty;
        var intro = s.IsAgency
            ? $"This is {name}, registered with {s.Agency(ja: false)}."
            : $"My name is {name}, and I had my {s.StageEn} at {company} on {ScriptDates.EnDate(s.InterviewDate)}.";
        var wish = s.IsAgency
            ? $"I am still very interested in the position at {company} and look forward to your continued support."
            : "I remain very keen to work with you and look forward to continuing in the selection process.";
        var body = $"""
            {s.GreetingEn()}

            {intro}

            Thank you for taking my call{when}.
            I apologise once more for the delay in returning your call and for any inconvenience it caused.
            {wish}

            Best regards,

            {s.SignatureEn()}
            """;

        return new($"Thank you for speaking with me ({name})", ScriptLines.Tidy(body),
        [
            "Send it the same day as the call, or by the next business day.",
            "One sentence of apology is enough: do not repeat the reason or add excuses.",
        ]);
    }
}
