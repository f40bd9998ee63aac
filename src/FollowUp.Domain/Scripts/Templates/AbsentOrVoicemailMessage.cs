namespace FollowUp.Domain.Scripts.Templates;

/// <summary>
/// What to leave when the person is out (伝言) or on voicemail: who is calling, about what
/// (the interview on date X), a call back at their convenience, and the number said slowly.
/// </summary>
internal static class AbsentOrVoicemailMessage
{
    public static Draft Write(Slots s, bool ja) => ja ? Japanese(s) : English(s);

    private static Draft Japanese(Slots s)
    {
        var name = s.Name(ja: true);
        var date = Slots.JaDate(s.InterviewDate);
        var who = s.IsAgency
            ? $"{s.Agency(ja: true)}に派遣登録しております{name}です。"
            : $"{date}に{s.StageDoneJa}{name}です。";
        var about = s.IsAgency
            ? $"{date}の{s.Company(ja: true)}様との{s.InterviewWordJa}の件で、お電話をいただいておりましたので、折り返しご連絡いたしました。"
            : "面接の件でお電話をいただいておりましたので、折り返しご連絡いたしました。";
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

        return new(null, Slots.Tidy(body),
        [
            "伝言を頼むときは、担当の方のお戻りの時間を伺っておくと、かけ直しの目安になります。",
            "電話番号は数字を区切って、ゆっくりはっきり伝えましょう。",
            RuleNotes.RetryJa(s.Calendar),
        ]);
    }

    private static Draft English(Slots s)
    {
        var name = s.Name(ja: false);
        var date = Slots.EnDate(s.InterviewDate);
        var who = s.IsAgency
            ? $"This is {name}, registered with {s.Agency(ja: false)}."
            : $"This is {name}. I had my {s.StageEn} with you on {date}.";
        var about = s.IsAgency
            ? $"I am returning a call about my {s.StageEn} with {s.Company(ja: false)} on {date}."
            : "I am returning your call about the interview.";
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

        return new(null, Slots.Tidy(body),
        [
            "When leaving a message, ask when the person will be back: it tells you when to try again.",
            "Say your number slowly and clearly, in groups.",
            RuleNotes.RetryEn(s.Calendar),
        ]);
    }
}
