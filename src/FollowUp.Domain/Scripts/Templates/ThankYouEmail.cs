namespace FollowUp.Domain.Scripts.Templates;

/// <summary>
/// Thank-you email (面接のお礼): short, one specific thing learned, interest in the role. The sender is
/// introduced once with the interview's date (「○○と申します」); the thanks then do not repeat 面接 or the day.
/// </summary>
internal static class ThankYouEmail
{
    public static Draft Write(Slots s, bool ja) => ja ? Japanese(s) : English(s);

    private static Draft Japanese(Slots s)
    {
        var day = ScriptDates.JaDate(s.InterviewDate);
        var name = s.Name(ja: true);
        var company = s.Company(ja: true);
        string body;
        if (s.IsAgency)
        {
            // For agency placements the thanks go to the coordinator who arranged the meeting.
            body = $"""
                {s.OpeningJa()}

                {day}は{company}様との{s.InterviewWordJa}をご調整いただき、誠にありがとうございました。
                当日は特に、{s.Learned(ja: true)}についてのお話が印象に残っており、
                {company}様でぜひ働きたいという思いがいっそう強くなりました。

                引き続き、どうぞよろしくお願いいたします。

                {s.SignatureJa()}
                """;
        }
        else
        {
            body = $"""
                {s.OpeningJa()}

                このたびはお忙しい中、貴重なお時間をいただき、誠にありがとうございました。
                特に、{s.Learned(ja: true)}についてのお話が印象に残っており、
                貴社で働きたいという思いがいっそう強くなりました。

                略儀ながら、まずはメールにてお礼申し上げます。
                なお、ご返信には及びません。今後ともどうぞよろしくお願いいたします。

                {s.SignatureJa()}
                """;
        }

        return new($"{s.InterviewWordJa}のお礼（{name}）", ScriptLines.Tidy(body),
        [
            $"{s.InterviewWordJa}から48時間以内、できれば当日中に送りましょう。",
            $"{s.InterviewWordJa}の日程調整のメールがある場合は、そのメールに返信する形で送ると、相手が経緯を追いやすくなります（件名の「Re:」は残して構いません）。",
            "長文にせず、印象に残った点は一つに絞りましょう。",
        ]);
    }

    private static Draft English(Slots s)
    {
        var when = "on " + ScriptDates.EnDate(s.InterviewDate);
        var name = s.Name(ja: false);
        var company = s.Company(ja: false);
        string body;
        if (s.IsAgency)
        {
            body = $"""
                {s.GreetingEn()}

                This is {name}, registered with {s.Agency(ja: false)}.

                Thank you for arranging my {s.StageEn} with {company} {when}.
                I was especially struck by {s.Learned(ja: false)}, and it made me all the more keen to work at {company}.

                Thank you again for your support.

                Best regards,

                {s.SignatureEn()}
                """;
        }
        else
        {
            body = $"""
                {s.GreetingEn()}

                My name is {name}, and I had my {s.StageEn} at {company} {when}.
                Thank you very much for taking the time to meet me.

                I was especially struck by {s.Learned(ja: false)}, and it made me all the more keen to join your team.

                There is no need to reply to this message. Thank you again for your time.

                Best regards,

                {s.SignatureEn()}
                """;
        }

        return new($"Thank you for the {s.StageEn} ({name})", ScriptLines.Tidy(body),
        [
            $"Send it within 48 hours of the {s.InterviewWordEn}, the same day if you can.",
            $"If the {s.InterviewWordEn} was arranged by email, reply in that thread so the reader has the context (keeping \"Re:\" in the subject is fine).",
            "Keep it short: one specific thing you learned is enough.",
        ]);
    }
}
