using System.Collections.Immutable;
using System.Text;
using FollowUp.Domain.Advice;
using FollowUp.Domain.Applications;
using FollowUp.Domain.Calendar;

namespace FollowUp.Domain.Scripts.Templates;

/// <summary>
/// The values a template inserts. Each getter returns the context's value or, when it is missing,
/// a visible marker (【…】 / […]) and records the field key, so no placeholder is ever silently empty.
/// </summary>
internal sealed class Slots(ScriptContext ctx)
{
    private static readonly BusinessCalendar s_usualCalendar = new(CompanyCalendar.Default, EtiquettePolicy.Default);
    private readonly List<string> _missing = [];

    public ScriptContext Ctx { get; } = ctx;

    public bool IsAgency => Ctx.Route == ApplicationRoute.StaffingAgency;

    /// <summary>The application's calendar and rules, or the usual company under the recommended rules.</summary>
    public BusinessCalendar Calendar => Ctx.Calendar ?? s_usualCalendar;

    public ImmutableArray<string> Missing => [.. _missing];

    public string Name(bool ja) => Fill(Ctx.Profile.FullName, ScriptFields.FullName, ja, "【氏名】", "[Your name]");

    /// <summary>
    /// The signature's affiliation line, which fits the application (issue 13, point 6): an agency application
    /// signs with the registration at that agency (「株式会社〇〇に派遣登録」, from the application, so each
    /// agency gets its own); a direct one with the profile's line, or no line at all (it returns <see cref="ScriptLines.Omit"/>),
    /// and never with an agency registration a profile line may still hold.
    /// </summary>
    public string Affiliation(bool ja)
    {
        if (IsAgency)
        {
            return Clean(Ctx.AgencyName) is { } agency ? (ja ? $"{agency}に派遣登録" : $"Registered with {agency}") : Agency(ja);
        }

        return Clean(Ctx.Profile.Affiliation) is { } line && !IsAgencyRegistration(line) ? line : ScriptLines.Omit;
    }

    /// <summary>Whether a profile line names an agency registration (the old hint suggested 「株式会社〇〇に派遣登録」).</summary>
    private static bool IsAgencyRegistration(string line) =>
        line.Contains("派遣登録", StringComparison.Ordinal) || line.Contains("派遣会社", StringComparison.Ordinal)
        || line.Contains("registered with", StringComparison.OrdinalIgnoreCase) || line.Contains("staffing agency", StringComparison.OrdinalIgnoreCase);

    public string Phone(bool ja) => Fill(Ctx.Profile.Phone, ScriptFields.Phone, ja, "【電話番号】", "[Your phone number]");

    public string Email(bool ja) => Fill(Ctx.Profile.Email, ScriptFields.Email, ja, "【メールアドレス】", "[Your email address]");

    public string Company(bool ja) => Fill(Ctx.Company, ScriptFields.Company, ja, "【企業名】", "[Company name]");

    public string Agency(bool ja) => Fill(Ctx.AgencyName, ScriptFields.AgencyName, ja, "【派遣会社名】", "[Agency name]");

    public string Learned(bool ja) =>
        Fill(Ctx.LearnedInInterview, ScriptFields.LearnedInInterview, ja,
            "【面接で伺って印象に残ったこと（例：入社後の研修の進め方）】",
            "[one specific thing you learned in the interview, e.g. how new staff are trained]");

    public string LateReason(bool ja) =>
        Sentence(Fill(Ctx.LateReason, ScriptFields.LateReason, ja,
            "【遅れた理由を一言で（例：出張中で電話に出られませんでした）】",
            "[the reason in one sentence, e.g. I was travelling for work]"), ja);

    public string Reachable(bool ja) =>
        Fill(Ctx.ReachableTimes, ScriptFields.ReachableTimes, ja, "【電話に出られる時間帯（例：平日の18時以降）】", "[when you can take calls, e.g. weekdays after 18:00]");

    /// <summary>The contact person with 様, or null when unknown (templates choose their own fallback).</summary>
    public string? PersonJa => Honorific(Ctx.ContactPerson);

    /// <summary>The agency coordinator with 様, or null when unknown.</summary>
    public string? CoordinatorJa => Honorific(Ctx.CoordinatorName);

    public string? PersonEn => Clean(Ctx.ContactPerson);

    public string? CoordinatorEn => Clean(Ctx.CoordinatorName);

    public string? Department => Clean(Ctx.Department);

    public string? Furigana => Clean(Ctx.Profile.Furigana);

    public string? CallTopic => Clean(Ctx.CallTopic);

    public DateOnly InterviewDate => DateOnly.FromDateTime(Ctx.InterviewAt);

    // ---- Japanese pieces ----

    /// <summary>一次面接 / 二次面接 / 最終面接 / 顔合わせ / 面接.</summary>
    public string StageJa => Ctx.InterviewStage switch
    {
        InterviewStage.First => "一次面接",
        InterviewStage.Second => "二次面接",
        InterviewStage.Final => "最終面接",
        InterviewStage.AgencyMeeting => "顔合わせ",
        _ => "面接",
    };

    /// <summary>"一次面接を受けさせていただきました" (a 顔合わせ is not "taken", it is "done").</summary>
    public string StageDoneJa => Ctx.InterviewStage == InterviewStage.AgencyMeeting
        ? "顔合わせをさせていただきました"
        : $"{StageJa}を受けさせていただきました";

    /// <summary>The interview as a subject word: 面接 or 顔合わせ.</summary>
    public string InterviewWordJa => Ctx.InterviewStage == InterviewStage.AgencyMeeting ? "顔合わせ" : "面接";

    /// <summary>The missed call's time as 「11月26日(木)11時30分頃」, or null when unknown.</summary>
    public string? MissedCallJa => Ctx.MissedCallAt is { } m ? ScriptDates.JaDateTime(m) + "頃" : null;

    /// <summary>The phone number as it is read aloud: 090-1234-5678 → 「090の1234の5678」.</summary>
    public string PhoneSpokenJa()
    {
        var phone = Phone(ja: true);
        return Clean(Ctx.Profile.Phone) is null ? phone : string.Join("の", Groups(phone));
    }

    /// <summary>The timing sentence, e.g. 「結果は1週間以内（12月1日(月)頃まで）にご連絡いただけると伺っておりました。」, or null.</summary>
    public string? TimingJa()
    {
        var words = Clean(Ctx.ResultTiming?.Japanese);
        var date = Ctx.PromisedDate is { } d ? ScriptDates.JaDate(d) : null;
        return (words, date) switch
        {
            ({ } w, { } dt) => $"結果は{w}（{dt}頃まで）にご連絡いただけると伺っておりました。",
            ({ } w, null) => $"結果は{w}にご連絡いただけると伺っておりました。",
            (null, { } dt) => $"結果は{dt}頃までにご連絡いただけると伺っておりました。",
            _ => null,
        };
    }

    public string AddresseeJa()
    {
        var lines = new List<string>();
        if (IsAgency)
        {
            lines.Add(Agency(ja: true));
            lines.Add(CoordinatorJa ?? "ご担当者様");
        }
        else
        {
            lines.Add(Company(ja: true));
            if (Department is { } dept)
            {
                lines.Add(dept);
            }

            lines.Add(PersonJa ?? "採用ご担当者様");
        }

        return string.Join('\n', lines);
    }

    public string SignatureJa()
    {
        var name = Name(ja: true);
        var reading = Furigana is { } f ? $"（{f}）" : string.Empty;
        return $"""
            ――――――――――――――――――
            {name}{reading}
            {Affiliation(ja: true)}
            電話：{Phone(ja: true)}
            メール：{Email(ja: true)}
            ――――――――――――――――――
            """;
    }

    /// <summary>
    /// 名乗り: who one is, tied to the interview so the reader can place the mail at once. 「と申します」, as
    /// one introduces oneself to someone outside (「です」 reads as if they should already know the name).
    /// </summary>
    /// <summary>A mail's first lines: the addressee, a blank line, 「お世話になっております。」 and who is writing.</summary>
    public string OpeningJa() => $"{AddresseeJa()}\n\nお世話になっております。\n{IntroJa()}";

    public string IntroJa() => IsAgency
        ? $"{Agency(ja: true)}に派遣登録しております、{Name(ja: true)}と申します。"
        : $"{ScriptDates.JaDate(InterviewDate)}に{StageDoneJa}、{Name(ja: true)}と申します。";

    // ---- English pieces ----

    public string StageEn => Ctx.InterviewStage switch
    {
        InterviewStage.First => "first interview",
        InterviewStage.Second => "second interview",
        InterviewStage.Final => "final interview",
        InterviewStage.AgencyMeeting => "meeting",
        _ => "interview",
    };

    /// <summary>The interview as a plain word: "meeting" for a 顔合わせ, else "interview".</summary>
    public string InterviewWordEn => Ctx.InterviewStage == InterviewStage.AgencyMeeting ? "meeting" : "interview";

    /// <summary>The missed call's time as "on Thursday, 26 November at around 11:30" (never "today"), or null.</summary>
    public string? MissedCallEn => Ctx.MissedCallAt is { } m ? $"on {ScriptDates.EnDateTime(m)}" : null;

    public string PhoneSpokenEn()
    {
        var phone = Phone(ja: false);
        return Clean(Ctx.Profile.Phone) is null ? phone : string.Join(", ", Groups(phone));
    }

    public string? TimingEn()
    {
        var words = Clean(Ctx.ResultTiming?.English);
        var date = Ctx.PromisedDate is { } d ? ScriptDates.EnDate(d) : null;
        return (words, date) switch
        {
            ({ } w, { } dt) => $"At the {InterviewWordEn}, I was told I would hear back {w} (by {dt}).",
            ({ } w, null) => $"At the {InterviewWordEn}, I was told I would hear back {w}.",
            (null, { } dt) => $"At the {InterviewWordEn}, I was told I would hear back by {dt}.",
            _ => null,
        };
    }

    public string GreetingEn() => IsAgency
        ? $"Dear {CoordinatorEn ?? "Sir or Madam"},"
        : $"Dear {PersonEn ?? "Hiring Manager"},";

    public string SignatureEn() => $"""
        --
        {Name(ja: false)}
        {Affiliation(ja: false)}
        Phone: {Phone(ja: false)}
        Email: {Email(ja: false)}
        """;

    // ---- helpers ----

    private string Fill(string? value, string key, bool ja, string jaMarker, string enMarker)
    {
        if (Clean(value) is { } v)
        {
            return v;
        }

        if (!_missing.Contains(key))
        {
            _missing.Add(key);
        }

        return ja ? jaMarker : enMarker;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>Adds 様 unless the user already wrote it (or さん, which becomes 様).</summary>
    private static string? Honorific(string? name)
    {
        if (Clean(name) is not { } n)
        {
            return null;
        }

        foreach (var suffix in new[] { "様", "さん", "さま" })
        {
            if (n.EndsWith(suffix, StringComparison.Ordinal))
            {
                n = n[..^suffix.Length].TrimEnd();
                break;
            }
        }

        return n + "様";
    }

    /// <summary>Ends a free-text clause as a sentence (。 / .) unless it already is one.</summary>
    private static string Sentence(string text, bool ja) =>
        text.EndsWith('。') || text.EndsWith('.') || text.EndsWith('】') || text.EndsWith(']') ? text : text + (ja ? "。" : ".");

    private static string[] Groups(string phone) =>
        phone.Normalize(NormalizationForm.FormKC)
            .Split([' ', '-', 'ー', '‐', '−', '(', ')'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

}
