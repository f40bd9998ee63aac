namespace FollowUp.Domain.Scripts.Templates;

/// <summary>
/// Optional feedback request after a rejection: thanks for the process, a request for brief
/// feedback, and no expectation of an answer, said kindly (「お気になさらないでください」) rather than
/// curtly (「ご返信も不要です」 reads as closing the door).
/// </summary>
internal static class FeedbackRequestEmail
{
    public static Draft Write(Slots s, bool ja) => ja ? Japanese(s) : English(s);

    private static Draft Japanese(Slots s)
    {
        var name = s.Name(ja: true);
        string body;
        if (s.IsAgency)
        {
            var company = s.Company(ja: true);
            body = $"""
                {s.OpeningJa()}

                このたびは{company}様の選考結果をお知らせいただき、ありがとうございました。
                {s.InterviewWordJa}のご調整をはじめ、ご尽力いただきましたことに感謝申し上げます。

                もし{company}様から何かコメントを伺っていらっしゃいましたら、
                今後の参考とさせていただきたく、一言でもお聞かせいただけますと幸いです。
                特にコメントがない場合や、お伝えいただくのが難しい場合は、どうぞお気になさらないでください。

                引き続き、お仕事のご紹介をよろしくお願いいたします。

                {s.SignatureJa()}
                """;
        }
        else
        {
            body = $"""
                {s.OpeningJa()}

                このたびは選考の機会をいただき、誠にありがとうございました。
                結果を受け止め、今後の活動に生かしてまいります。

                もし差し支えなければ、今後の参考とさせていただきたく、
                選考の中でお気づきになった点を一言でもお聞かせいただけますと幸いです。
                もちろん、ご対応が難しい場合もあるかと存じます。その際は、どうぞお気になさらないでください。

                末筆ながら、貴社の今後ますますのご発展をお祈り申し上げます。

                {s.SignatureJa()}
                """;
        }

        return new($"選考のお礼（{name}）", ScriptLines.Tidy(body),
        [
            "送るかどうかは任意です。返信がなくても気にせず、次の応募に進みましょう。",
            "結果への不満や再考のお願いは書かないようにします。",
        ]);
    }

    private static Draft English(Slots s)
    {
        var name = s.Name(ja: false);
        string body;
        if (s.IsAgency)
        {
            var company = s.Company(ja: false);
            body = $"""
                {s.GreetingEn()}

                This is {name}, registered with {s.Agency(ja: false)}.

                Thank you for letting me know the outcome of my application to {company}, and for all your help in arranging the {s.StageEn}.

                If {company} shared any comments, I would be grateful to hear them, even briefly, so that I can improve.
                Of course, if there were no comments or they cannot be shared, please do not give it another thought.

                I look forward to your continued support in finding a position.

                Best regards,

                {s.SignatureEn()}
                """;
        }
        else
        {
            body = $"""
                {s.GreetingEn()}

                My name is {name}. I had my {s.StageEn} at {s.Company(ja: false)} on {ScriptDates.EnDate(s.InterviewDate)}.

                Thank you for the opportunity to take part in your selection process and for letting me know the outcome.

                If it is no trouble, I would be grateful for any brief feedback on my application, as it would help me in my job search.
                I understand this is not always possible; if so, please do not give it another thought.

                I wish you and your company every success.

                Best regards,

                {s.SignatureEn()}
                """;
        }

        return new($"Thank you for the selection process ({name})", ScriptLines.Tidy(body),
        [
            "This email is optional. If no answer comes, let it go and keep your other applications moving.",
            "Do not argue with the decision or ask them to reconsider.",
        ]);
    }
}
