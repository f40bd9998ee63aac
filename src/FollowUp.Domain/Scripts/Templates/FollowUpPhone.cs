namespace FollowUp.Domain.Scripts.Templates;

/// <summary>
/// The one follow-up inquiry by phone: name, interview date, the person asked for, and the purpose
/// (to confirm the progress). When a message may not have reached the candidate, the soft variant
/// (もしかすると〜かと思い) puts the doubt on one's own side, not on the company.
/// </summary>
internal static class FollowUpPhone
{
    public static Draft Write(Slots s, bool ja) => ja ? Japanese(s) : English(s);

    private static Draft Japanese(Slots s)
    {
        var name = s.Name(ja: true);
        var date = ScriptDates.JaDate(s.InterviewDate);
        var company = s.Company(ja: true);
        var timing = s.TimingJa() ?? ScriptLines.Omit;
        string reception, purpose;
        if (s.IsAgency)
        {
            reception = $"""
                {s.Agency(ja: true)}に派遣登録しております、{name}と申します。
                {date}の{company}様との{s.InterviewWordJa}の件で、{s.CoordinatorJa ?? "ご担当の方"}はいらっしゃいますでしょうか。
                """;
            purpose = s.Ctx.MessageMayNotHaveReached
                ? $"もしかすると、{company}様からのご連絡を私のほうで受け取れていないのではないかと思い、念のためお電話いたしました。"
                : $"念のため、その後{company}様からご連絡があったか確認させていただきたく、お電話いたしました。";
        }
        else
        {
            reception = $"""
                {date}に{s.StageDoneJa}、{name}と申します。
                選考の件で、{s.PersonJa ?? "採用ご担当の方"}はいらっしゃいますでしょうか。
                """;
            purpose = s.Ctx.MessageMayNotHaveReached
                ? "もしかすると、ご連絡をいただいていたのに私のほうで受け取れていないのではないかと思い、念のためお電話いたしました。"
                : "念のため、その後の選考状況を確認させていただきたく、お電話いたしました。";
        }

        // The agency coordinator arranged the meeting; the company gave its time.
        var thanks = s.IsAgency
            ? $"先日は{company}様との{s.InterviewWordJa}をご調整いただき、ありがとうございました。"
            : $"先日は{s.InterviewWordJa}のお時間をいただき、ありがとうございました。";

        var body = $"""
            {PhoneParts.BeforeDialingJa}

            ■ 電話がつながったら（受付の方へ）
            「お世話になっております。
            {reception}」

            ■ 担当の方に代わったら
            「お世話になっております。{name}です。
            {thanks}
            {timing}
            {purpose}
            差し支えなければ、現在の状況をお伺いできますでしょうか。」

            ■ まだ選考中と言われたら
            「承知いたしました。恐れ入りますが、ご連絡の目安を伺ってもよろしいでしょうか。」
            （目安をメモして）「ありがとうございます。お忙しいところ失礼いたしました。引き続きよろしくお願いいたします。」

            ■ 担当の方が不在のとき
            「承知いたしました。それでは、改めてお電話いたします。何時頃お戻りになりますでしょうか。」
            伝言をお願いするときや留守番電話のときは、「不在・留守電のときの伝言（問い合わせ）」の台本を使いましょう。
            """;

        return new(null, ScriptLines.Tidy(body),
        [
            RuleNotes.CallWindowJa(s.Calendar),
            RuleNotes.OnceJa(s.Calendar) + "落ち着いた声で、確認のための電話であることを伝えます。",
        ]);
    }

    private static Draft English(Slots s)
    {
        var name = s.Name(ja: false);
        var date = ScriptDates.EnDate(s.InterviewDate);
        var company = s.Company(ja: false);
        var timing = s.TimingEn() ?? ScriptLines.Omit;
        string reception, purpose;
        if (s.IsAgency)
        {
            reception = $"""
                My name is {name}. I am registered with {s.Agency(ja: false)}.
                I am calling about my {s.StageEn} with {company} on {date}. Could I speak to {s.CoordinatorEn ?? "my coordinator"}, please?
                """;
            purpose = s.Ctx.MessageMayNotHaveReached
                ? $"I thought a message from {company} might not have reached me, so I am calling just to check."
                : $"I am calling just to confirm whether you have heard anything from {company}.";
        }
        else
        {
            reception = $"""
                My name is {name}. I had my {s.StageEn} with you on {date}.
                Could I speak to {s.PersonEn ?? "the person in charge of recruitment"} about it, please?
                """;
            purpose = s.Ctx.MessageMayNotHaveReached
                ? "I thought a message from you might not have reached me, so I am calling just to check."
                : "I am calling just to confirm how the selection is progressing.";
        }

        var thanks = s.IsAgency
            ? $"Thank you again for arranging my {s.StageEn} with {company}."
            : $"Thank you again for your time on {date}.";

        var body = $"""
            {PhoneParts.BeforeDialingEn}

            ■ When someone answers
            "Hello, good morning (or good afternoon).
            {reception}"

            ■ When you are put through
            "Hello, this is {name}. {thanks}
            {timing}
            {purpose}
            If it is no trouble, could you tell me where things stand?"

            ■ If the selection is still under way
            "I see. May I ask roughly when I might hear from you?"
            (note it down) "Thank you very much for your time. I look forward to hearing from you."

            ■ If the person is out
            "I see. I will call again later. May I ask when they will be back?"
            To leave a message, or on voicemail, use the "Message if they are out (follow-up call)" script.
            """;

        return new(null, ScriptLines.Tidy(body),
        [
            RuleNotes.CallWindowEn(s.Calendar),
            RuleNotes.OnceEn(s.Calendar) + " Keep a calm tone and make clear you are calling to confirm, not to press.",
        ]);
    }
}
