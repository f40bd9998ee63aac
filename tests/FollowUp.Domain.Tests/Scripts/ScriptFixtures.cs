using FollowUp.Domain.Advice;
using FollowUp.Domain.Applications;
using FollowUp.Domain.Scripts;

namespace FollowUp.Domain.Tests.Scripts;

/// <summary>Contexts with every field filled, in either language.</summary>
internal static class ScriptFixtures
{
    public static readonly DateTime InterviewAt = new(2026, 11, 24, 10, 0, 0); // a Tuesday

    public static CandidateProfile CompleteProfile(ScriptLanguage lang) => lang == ScriptLanguage.Japanese
        ? new("山田 太郎", "やまだ たろう", "東京大学 経済学部", "090-1234-5678", "taro@example.com")
        : new("Taro Yamada", "やまだ たろう", "University of Tokyo, Faculty of Economics", "090-1234-5678", "taro@example.com");

    public static ScriptContext Complete(ApplicationRoute route, ScriptLanguage lang, bool late = false)
    {
        var ja = lang == ScriptLanguage.Japanese;
        return new ScriptContext
        {
            Profile = CompleteProfile(lang),
            Company = ja ? "株式会社サンプル" : "Sample Co., Ltd.",
            Department = ja ? "人事部" : "Human Resources",
            ContactPerson = ja ? "佐藤" : "Ms. Sato",
            Route = route,
            AgencyName = ja ? "株式会社ハケンズ" : "Hakens Staffing",
            CoordinatorName = ja ? "鈴木" : "Mr. Suzuki",
            InterviewAt = InterviewAt,
            InterviewStage = route == ApplicationRoute.StaffingAgency ? InterviewStage.AgencyMeeting : InterviewStage.First,
            ResultTiming = ScriptTiming.From(ReplyPromise.WithinWeeks(1)),
            PromisedDate = new DateOnly(2026, 12, 1),
            MissedCallAt = new DateTime(2026, 11, 26, 11, 30, 0),
            CallbackReachedAt = new DateTime(2026, 12, 2, 10, 0, 0),
            CallAttempts = [new DateTime(2026, 11, 26, 14, 0, 0), new DateTime(2026, 11, 30, 10, 0, 0)],
            ReachableTimes = ja ? "平日の18時以降" : "on weekdays after 18:00",
            CallTopic = ja ? "二次面接の日程" : "scheduling the second interview",
            LearnedInInterview = ja ? "入社後の研修の進め方" : "how new staff are trained",
            IsLate = late,
            DaysLate = late ? 3 : 0,
            LateReason = late ? (ja ? "出張中で電話に出られませんでした" : "I was travelling for work") : null,
            MessageMayNotHaveReached = late,
            Language = lang,
        };
    }

    /// <summary>A context with nothing optional filled: an empty profile and no company name.</summary>
    public static ScriptContext Bare(ApplicationRoute route, ScriptLanguage lang) => new()
    {
        Profile = new CandidateProfile(),
        Company = null,
        Route = route,
        InterviewAt = InterviewAt,
        InterviewStage = InterviewStage.First,
        IsLate = true,
        Language = lang,
    };
}
