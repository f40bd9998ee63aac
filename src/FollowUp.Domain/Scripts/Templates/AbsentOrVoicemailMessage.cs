namespace FollowUp.Domain.Scripts.Templates;

/// <summary>
/// What to leave when the person is out (伝言) or on voicemail: who is calling, about what
/// (the interview on date X), a call back at their convenience, and the number said slowly.
/// The same message serves a callback (returning their call, with an apology when late) and a
/// follow-up call (asking about the selection; the soft 「もしかすると」 variant when a message may not
/// have reached the candidate).
/// </summary>
internal static class AbsentOrVoicemailMessage
{
    public static Draft Write(Slots s, bool ja, bool followUp) => ja ? Japanese(s, followUp) : English(s, followUp);

    private static Draft Japanese(Slots s, bool followUp)
    {
        var name = s.Name(ja: true);
        var date = ScriptDates.JaDate(s.InterviewDate);
        var company = s.Company(ja: true);
        var who = s.IsAgency
            ? $"{s.Agency(ja: true)}に派遣登録しております、{name}と申します。"
            : $"{date}に{s.StageDoneJa}、{name}と申します。";
        string about;
        if (followUp)
        {
            about = s.Ctx.MessageMayNotHaveReached
                ? (s.IsAgency
                    ? $"{date}の{company}様との{s.InterviewWordJa}の件で、もしかすると{company}様からのご連絡を私のほうで受け取れていないのではないかと思い、念のためお電話いたしました。"
                    : "もしかすると、ご連絡をいただいていたのに私のほうで受け取れていないのではないかと思い、念のためお電話いたしました。")
                : (s.IsAgency
                    ? $"{date}の{company}様との{s.InterviewWordJa}について、その後の状況を伺いたく、お電話いたしました。"
                    : "その後の選考状況について確認させていただきたく、お電話いたしました。");
        }
        else
        {
            about = (s.IsAgency
                    ? $"{date}の{company}様との{s.InterviewWordJa}の件で、お電話をいただいておりましたので、折り返しご連絡いたしました。"
                    : $"{s.InterviewWordJa}の件でお電話をいただいておりましたので、折り返しご連絡いたしました。")
                + (s.Ctx.IsLate ? "\n折り返しが遅くなり、申し訳ございません。" : string.Empty);
        }

        var phone = s.PhoneSpokenJa();
        var body = $"""
            ■ 担当の方が不在で、伝言をお願いするとき
            「承知いたしました。恐れ入りますが、伝言をお願いできますでしょうか。
            {who}
            {about}
            お手すきの際に、お電話をいただけますと幸いです。
            電話番号は、{phone}です。」（ゆっくり、区切って）
            「お忙しいところ恐れ入りますが、よろしくお願いいたします。失礼いたします。」

            ■ 留守番電話のとき
            「お世話になっております。
            {who}
            {about}
            お手すきの際に、お電話をいただけますと幸いです。
            電話番号は、{phone}です。」（ゆっくり）
            「繰り返します。{phone}です。」（ゆっくり）
            「どうぞよろしくお願いいたします。失礼いたします。」
            """;

        // A message left for a follow-up is the inquiry itself (the engine counts it): no second call.
        string[] notes = followUp
            ?
            [
                "伝言や留守番電話を残せば、問い合わせは済んだことになります。続けてかけ直すのは控えましょう。",
                RuleNotes.MoveOnJa(s.Calendar, "伝言を残したあと"),
                "電話番号は数字を区切って、ゆっくりはっきり伝えましょう。",
            ]
            :
            [
                "伝言を頼むときは、担当の方のお戻りの時間を伺っておくと、かけ直しの目安になります。",
                "電話番号は数字を区切って、ゆっくりはっきり伝えましょう。",
                RuleNotes.RetryJa(s.Calendar),
            ];
        return new(null, ScriptLines.Tidy(body), [.. notes]);
    }

    private static Draft English(Slots s, bool followUp)
    {
        var name = s.Name(ja: false);
        var date = ScriptDates.EnDate(s.InterviewDate);
        var company = s.Company(ja: false);
        var who = s.IsAgency
            ? $"This is {name}, registered with {s.Agency(ja: false)}."
            : $"This is {name}. I had my {s.StageEn} with you on {date}.";
        string about;
        if (followUp)
        {
            about = s.Ctx.MessageMayNotHaveReached
                ? (s.IsAgency
                    ? $"I am calling about my {s.StageEn} with {company} on {date}: I thought a message from them might not have reached me, so I wanted to check."
                    : "I thought a message from you might not have reached me, so I am calling just to check.")
                : (s.IsAgency
                    ? $"I am calling to ask whether there is any news about my {s.StageEn} with {company} on {date}."
                    : "I am calling to ask how the selection is progressing.");
        }
        else
        {
            about = (s.IsAgency
                    ? $"I am returning a call about my {s.StageEn} with {company} on {date}."
                    : $"I am returning your call about the {s.InterviewWordEn}.")
                + (s.Ctx.IsLate ? "\nI am sorry to be calling back so late." : string.Empty);
        }

        var phone = s.PhoneSpokenEn();
        var body = $"""
            ■ If the person is out and you leave a message
            "I see. Could I leave a message, please?
            {who}
            {about}
            I would be grateful if they could call me back when convenient.
            My number is {phone}." (slowly)
            "Thank you very much. Goodbye."

            ■ On voicemail
            "Hello.
            {who}
            {about}
            I would be grateful if you could call me back when convenient.
            My number is {phone}." (slowly)
            "Once again, {phone}." (slowly)
            "Thank you. Goodbye."
            """;

        string[] notes = followUp
            ?
            [
                "A message or voicemail counts as your inquiry: do not call again straight away.",
                RuleNotes.MoveOnEn(s.Calendar),
                "Say your number slowly and clearly, in groups.",
            ]
            :
            [
                "When leaving a message, ask when the person will be back: it tells you when to try again.",
                "Say your number slowly and clearly, in groups.",
                RuleNotes.RetryEn(s.Calendar),
            ];
        return new(null, ScriptLines.Tidy(body), [.. notes]);
    }
}
