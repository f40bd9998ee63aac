namespace FollowUp.Domain.Scripts.Templates;

/// <summary>
/// The one follow-up inquiry by email. It asks to confirm the status, never to hurry:
/// 念のため, 差し支えなければ, ご教示いただけますと幸いです — and nothing anxious.
/// </summary>
internal static class FollowUpEmail
{
    public static Draft Write(Slots s, bool ja) => ja ? Japanese(s) : English(s);

    private static Draft Japanese(Slots s)
    {
        var name = s.Name(ja: true);
        var company = s.Company(ja: true);
        var date = ScriptDates.JaDate(s.InterviewDate);
        var timing = s.TimingJa() ?? ScriptLines.Omit;
        string body;
        if (s.IsAgency)
        {
            body = $"""
                {s.OpeningJa()}

                {date}の{company}様との{s.InterviewWordJa}では、ご調整いただきありがとうございました。
                {timing}

                念のためのご確認で恐縮ですが、その後{company}様からご連絡はございましたでしょうか。
                差し支えなければ、現在の状況をご教示いただけますと幸いです。

                なお、本メールと行き違いでご連絡をいただいておりましたら、ご容赦ください。
                お忙しいところ恐れ入りますが、何卒よろしくお願いいたします。

                {s.SignatureJa()}
                """;
        }
        else
        {
            body = $"""
                {s.OpeningJa()}

                先日はお忙しい中、お時間をいただき、誠にありがとうございました。
                {timing}

                念のためのご確認で恐縮ですが、その後の選考状況につきまして、
                差し支えなければご教示いただけますと幸いです。

                なお、本メールと行き違いでご連絡をいただいておりましたら、ご容赦ください。
                お忙しいところ恐れ入りますが、何卒よろしくお願いいたします。

                {s.SignatureJa()}
                """;
        }

        return new($"{s.InterviewWordJa}結果に関するご確認（{name}）", ScriptLines.Tidy(body),
        [
            RuleNotes.OnceJa(s.Calendar) + RuleNotes.MoveOnJa(s.Calendar),
            "結果を急かす言葉（至急・早急に・まだでしょうか など）は使わず、状況の確認にとどめます。",
        ]);
    }

    private static Draft English(Slots s)
    {
        var name = s.Name(ja: false);
        var company = s.Company(ja: false);
        var date = ScriptDates.EnDate(s.InterviewDate);
        var timing = s.TimingEn() ?? ScriptLines.Omit;
        string body;
        if (s.IsAgency)
        {
            body = $"""
                {s.GreetingEn()}

                This is {name}, registered with {s.Agency(ja: false)}.

                Thank you for arranging my {s.StageEn} with {company} on {date}.
                {timing}

                Just to confirm, have you heard anything from {company} since then?
                If it is no trouble, I would appreciate it if you could let me know where things stand.

                If you have already been in touch and our messages crossed, please disregard this email.
                Thank you for your time and support.

                Best regards,

                {s.SignatureEn()}
                """;
        }
        else
        {
            body = $"""
                {s.GreetingEn()}

                My name is {name}. I had my {s.StageEn} at {company} on {date}.
                Thank you again for your time that day.
                {timing}

                Just to confirm, if it is no trouble, I would appreciate it if you could let me know the current status of my application.

                If you have already been in touch and our messages crossed, please disregard this email.
                Thank you for your time.

                Best regards,

                {s.SignatureEn()}
                """;
        }

        return new($"Confirming the status of my {s.StageEn} ({name})", ScriptLines.Tidy(body),
        [
            RuleNotes.OnceEn(s.Calendar) + " " + RuleNotes.MoveOnEn(s.Calendar),
            "Ask to confirm the status; do not press for an answer.",
        ]);
    }
}
