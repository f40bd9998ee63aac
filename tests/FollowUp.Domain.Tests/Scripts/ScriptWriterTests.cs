using FollowUp.Domain.Advice;
using FollowUp.Domain.Applications;
using FollowUp.Domain.Scripts;
using Xunit;

namespace FollowUp.Domain.Tests.Scripts;

public class ScriptWriterTests
{
    public static TheoryData<ScriptKind, ScriptLanguage, ApplicationRoute, bool> AllCombinations()
    {
        var data = new TheoryData<ScriptKind, ScriptLanguage, ApplicationRoute, bool>();
        foreach (var kind in Enum.GetValues<ScriptKind>())
        {
            foreach (var lang in Enum.GetValues<ScriptLanguage>())
            {
                foreach (var route in Enum.GetValues<ApplicationRoute>())
                {
                    data.Add(kind, lang, route, false);
                    data.Add(kind, lang, route, true);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllCombinations))]
    public void Complete_context_leaves_no_placeholder(ScriptKind kind, ScriptLanguage lang, ApplicationRoute route, bool late)
    {
        var script = ScriptWriter.Write(kind, ScriptFixtures.Complete(route, lang, late));

        Assert.Equal(kind, script.Kind);
        Assert.Empty(script.MissingFields);
        Assert.True(script.IsComplete);
        Assert.Equal(script.Channel == ScriptChannel.Email, script.Subject is not null);
        Assert.NotEmpty(script.Notes);
        foreach (var text in new[] { script.Subject ?? string.Empty, script.Body })
        {
            Assert.DoesNotContain("【", text, StringComparison.Ordinal);
            Assert.DoesNotContain("[", text, StringComparison.Ordinal);
            Assert.DoesNotContain("{", text, StringComparison.Ordinal);
            Assert.DoesNotContain("\u0001", text, StringComparison.Ordinal);
            Assert.DoesNotContain("\n\n\n", text, StringComparison.Ordinal);
            Assert.DoesNotContain("\r", text, StringComparison.Ordinal);
        }

        var name = ScriptFixtures.CompleteProfile(lang).FullName!;
        Assert.Contains(name, script.Body, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AllCombinations))]
    public void Missing_fields_are_marked_and_listed(ScriptKind kind, ScriptLanguage lang, ApplicationRoute route, bool late)
    {
        _ = late;
        var script = ScriptWriter.Write(kind, ScriptFixtures.Bare(route, lang));
        var marker = lang == ScriptLanguage.Japanese ? "【氏名】" : "[Your name]";

        Assert.Contains(ScriptFields.FullName, script.MissingFields);
        Assert.Contains(marker, script.Body, StringComparison.Ordinal);
        Assert.Equal(script.MissingFields.Distinct().Count(), script.MissingFields.Length);
        Assert.False(script.IsComplete);
        if (script.Channel == ScriptChannel.Email)
        {
            // Emails carry the signature, so the name, phone and email are needed (an affiliation line is optional).
            Assert.Contains(marker, script.Subject, StringComparison.Ordinal);
            Assert.Contains(ScriptFields.Email, script.MissingFields);
            Assert.Contains(ScriptFields.Phone, script.MissingFields);
        }

        if (route == ApplicationRoute.StaffingAgency)
        {
            Assert.Contains(ScriptFields.AgencyName, script.MissingFields);
        }
    }

    [Theory]
    [InlineData(ScriptKind.ThankYouEmail, ScriptFields.LearnedInInterview)]
    [InlineData(ScriptKind.CallbackPhone, ScriptFields.LateReason)]
    [InlineData(ScriptKind.CallbackPhone, ScriptFields.ReachableTimes)]
    [InlineData(ScriptKind.AbsentOrVoicemailMessage, ScriptFields.Phone)]
    [InlineData(ScriptKind.EmailInstead, ScriptFields.ReachableTimes)]
    [InlineData(ScriptKind.FollowUpEmail, ScriptFields.Company)]
    public void Kind_specific_fields_are_listed_when_missing(ScriptKind kind, string field)
    {
        Assert.Contains(field, ScriptWriter.Write(kind, ScriptFixtures.Bare(ApplicationRoute.Direct, ScriptLanguage.Japanese)).MissingFields);
        Assert.Contains(field, ScriptWriter.Write(kind, ScriptFixtures.Bare(ApplicationRoute.Direct, ScriptLanguage.English)).MissingFields);
    }

    [Fact]
    public void Missing_field_markers_are_visible_in_japanese()
    {
        var script = ScriptWriter.Write(ScriptKind.FollowUpEmail, ScriptFixtures.Bare(ApplicationRoute.Direct, ScriptLanguage.Japanese));

        Assert.Equal("面接結果に関するご確認（【氏名】）", script.Subject);
        Assert.Contains("【企業名】", script.Body, StringComparison.Ordinal);
        Assert.Contains("電話：【電話番号】", script.Body, StringComparison.Ordinal);
        Assert.Contains("メール：【メールアドレス】", script.Body, StringComparison.Ordinal);
        Assert.Contains("採用ご担当者様", script.Body, StringComparison.Ordinal);
    }

    public static TheoryData<ApplicationRoute> Routes() => [.. Enum.GetValues<ApplicationRoute>()];

    [Theory]
    [MemberData(nameof(Routes))]
    public void Japanese_follow_up_email_confirms_without_pressing(ApplicationRoute route)
    {
        var script = ScriptWriter.Write(ScriptKind.FollowUpEmail, ScriptFixtures.Complete(route, ScriptLanguage.Japanese));

        Assert.Equal("面接結果に関するご確認（山田 太郎）".Replace("面接", route == ApplicationRoute.StaffingAgency ? "顔合わせ" : "面接", StringComparison.Ordinal), script.Subject);
        Assert.Contains("株式会社サンプル", script.Body, StringComparison.Ordinal);
        Assert.Contains("11月24日(火)", script.Body, StringComparison.Ordinal);
        Assert.Contains("1週間以内", script.Body, StringComparison.Ordinal);
        Assert.Contains("山田 太郎", script.Body, StringComparison.Ordinal);
        Assert.Contains("お世話になっております", script.Body, StringComparison.Ordinal);
        Assert.Contains("ありがとうございました", script.Body, StringComparison.Ordinal);
        Assert.Contains("念のため", script.Body, StringComparison.Ordinal);
        Assert.Contains("差し支えなければ", script.Body, StringComparison.Ordinal);
        Assert.Contains("ご教示いただけますと幸いです", script.Body, StringComparison.Ordinal);
        var affiliation = route == ApplicationRoute.StaffingAgency ? "株式会社ハケンズに派遣登録" : "東京大学 経済学部";
        foreach (var line in new[] { affiliation, "090-1234-5678", "taro@example.com" })
        {
            Assert.Contains(line, script.Body, StringComparison.Ordinal);
        }

        foreach (var pressing in new[] { "至急", "早急に", "まだでしょうか", "催促", "急いで", "不安", "心配" })
        {
            Assert.DoesNotContain(pressing, script.Body, StringComparison.Ordinal);
            Assert.DoesNotContain(pressing, script.Subject, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Direct_addressee_is_company_department_and_person()
    {
        var body = ScriptWriter.Write(ScriptKind.FollowUpEmail, ScriptFixtures.Complete(ApplicationRoute.Direct, ScriptLanguage.Japanese)).Body;

        Assert.StartsWith("株式会社サンプル\n人事部\n佐藤様\n", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("佐藤様")]
    [InlineData("佐藤さん")]
    [InlineData(" 佐藤 ")]
    public void Honorific_is_not_doubled(string person)
    {
        var ctx = ScriptFixtures.Complete(ApplicationRoute.Direct, ScriptLanguage.Japanese) with { ContactPerson = person, Department = null };

        Assert.StartsWith("株式会社サンプル\n佐藤様\n", ScriptWriter.Write(ScriptKind.FollowUpEmail, ctx).Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ScriptLanguage.Japanese, "採用ご担当者様")]
    [InlineData(ScriptLanguage.English, "Dear Hiring Manager,")]
    public void Without_a_person_the_hiring_manager_is_addressed(ScriptLanguage lang, string expected)
    {
        var ctx = ScriptFixtures.Complete(ApplicationRoute.Direct, lang) with { ContactPerson = null };

        var script = ScriptWriter.Write(ScriptKind.FollowUpEmail, ctx);

        Assert.Contains(expected, script.Body, StringComparison.Ordinal);
        Assert.Empty(script.MissingFields);
    }

    [Fact]
    public void Agency_scripts_address_the_coordinator_and_say_one_is_registered()
    {
        var ctx = ScriptFixtures.Complete(ApplicationRoute.StaffingAgency, ScriptLanguage.Japanese);

        var email = ScriptWriter.Write(ScriptKind.FollowUpEmail, ctx);
        var call = ScriptWriter.Write(ScriptKind.CallbackPhone, ctx);

        Assert.StartsWith("株式会社ハケンズ\n鈴木様\n", email.Body, StringComparison.Ordinal);
        Assert.Contains("株式会社ハケンズに派遣登録しております", call.Body, StringComparison.Ordinal);
        Assert.Contains("鈴木様", call.Body, StringComparison.Ordinal);
        Assert.Contains("registered with Hakens Staffing",
            ScriptWriter.Write(ScriptKind.CallbackPhone, ScriptFixtures.Complete(ApplicationRoute.StaffingAgency, ScriptLanguage.English)).Body,
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ScriptLanguage.Japanese, "株式会社ハケンズに派遣登録", "東京大学 経済学部")]
    [InlineData(ScriptLanguage.English, "Registered with Hakens Staffing", "University of Tokyo, Faculty of Economics")]
    public void The_signature_fits_the_application_agency_registration_only_in_agency_mails(ScriptLanguage lang, string registration, string school)
    {
        // Issue 13, point 6: the profile's one 所属 line (once hinted as 「株式会社〇〇に派遣登録」) appeared in mails to
        // companies applied to directly.
        var agency = ScriptWriter.Write(ScriptKind.FollowUpEmail, ScriptFixtures.Complete(ApplicationRoute.StaffingAgency, lang)).Body;
        var direct = ScriptWriter.Write(ScriptKind.FollowUpEmail, ScriptFixtures.Complete(ApplicationRoute.Direct, lang)).Body;
        Assert.Contains("\n" + registration + "\n", agency, StringComparison.Ordinal);
        Assert.DoesNotContain(school, agency, StringComparison.Ordinal);
        Assert.Contains("\n" + school + "\n", direct, StringComparison.Ordinal);
        Assert.DoesNotContain(registration, direct, StringComparison.OrdinalIgnoreCase);

        // A profile line that is an agency registration stays out of direct mails; no line leaves no gap.
        var old = ScriptFixtures.Complete(ApplicationRoute.Direct, lang);
        var withOldLine = ScriptWriter.Write(ScriptKind.ThankYouEmail, old with { Profile = old.Profile with { Affiliation = "株式会社ハケンズに派遣登録" } });
        var without = ScriptWriter.Write(ScriptKind.ThankYouEmail, old with { Profile = old.Profile with { Affiliation = null } });
        Assert.DoesNotContain("派遣登録", withOldLine.Body, StringComparison.Ordinal);
        Assert.Equal(without.Body, withOldLine.Body);
        Assert.Empty(without.MissingFields);
        Assert.DoesNotContain("\n\n電話", without.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("\n\nPhone", without.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Callback_script_has_the_expected_elements()
    {
        var body = ScriptWriter.Write(ScriptKind.CallbackPhone, ScriptFixtures.Complete(ApplicationRoute.Direct, ScriptLanguage.Japanese)).Body;

        Assert.Contains("メモ帳とペン、スケジュール帳", body, StringComparison.Ordinal);
        Assert.Contains("お世話になっております", body, StringComparison.Ordinal);
        Assert.Contains("山田 太郎と申します", body, StringComparison.Ordinal);
        Assert.Contains("折り返しご連絡いたしました", body, StringComparison.Ordinal);
        Assert.Contains("申し訳ございませんでした", body, StringComparison.Ordinal);
        Assert.Contains("11月26日(木)11時30分頃", body, StringComparison.Ordinal);
        Assert.DoesNotContain("遅くなり", body, StringComparison.Ordinal);
    }

    /// <summary>The part of a phone script under one heading (up to the next ■).</summary>
    private static string Section(string body, string heading)
    {
        var start = body.IndexOf(heading, StringComparison.Ordinal);
        Assert.True(start >= 0, $"no section {heading}");
        var end = body.IndexOf('■', start + 1);
        return end < 0 ? body[start..] : body[start..end];
    }

    private static (string Reception, string Person) CallbackSections(ScriptContext ctx)
    {
        var body = ScriptWriter.Write(ScriptKind.CallbackPhone, ctx).Body;
        var ja = ctx.Language == ScriptLanguage.Japanese;
        return (Section(body, ja ? "■ 電話がつながったら" : "■ When someone answers"), Section(body, ja ? "■ 担当の方に代わったら" : "■ When you are put through"));
    }

    [Theory]
    [InlineData(ApplicationRoute.Direct, InterviewStage.First, ScriptLanguage.Japanese, "11月24日(火)は一次面接のお時間をいただき、ありがとうございました。")]
    [InlineData(ApplicationRoute.Direct, InterviewStage.First, ScriptLanguage.English, "Thank you for your time at the first interview on Tuesday, 24 November.")]
    [InlineData(ApplicationRoute.PartTime, InterviewStage.Other, ScriptLanguage.Japanese, "11月24日(火)は面接のお時間をいただき、ありがとうございました。")]
    [InlineData(ApplicationRoute.StaffingAgency, InterviewStage.AgencyMeeting, ScriptLanguage.Japanese, "11月24日(火)は株式会社サンプル様との顔合わせをご調整いただき、ありがとうございました。")]
    [InlineData(ApplicationRoute.StaffingAgency, InterviewStage.AgencyMeeting, ScriptLanguage.English, "Thank you for arranging my meeting with Sample Co., Ltd. on Tuesday, 24 November.")]
    [InlineData(ApplicationRoute.StaffingAgency, InterviewStage.First, ScriptLanguage.Japanese, "11月24日(火)は株式会社サンプル様との面接をご調整いただき、ありがとうございました。")]
    [InlineData(ApplicationRoute.StaffingAgency, InterviewStage.First, ScriptLanguage.English, "Thank you for arranging my first interview with Sample Co., Ltd. on Tuesday, 24 November.")]
    public void Callback_thanks_the_person_in_charge_for_the_interview(ApplicationRoute route, InterviewStage stage, ScriptLanguage lang, string thanks)
    {
        foreach (var late in new[] { false, true })
        {
            var (reception, person) = CallbackSections(ScriptFixtures.Complete(route, lang, late) with { InterviewStage = stage });

            Assert.Contains(thanks, person, StringComparison.Ordinal);
            Assert.DoesNotContain(thanks, reception, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(ScriptLanguage.Japanese, false, "お電話をいただいておりましたので、折り返しご連絡いたしました。", "申し訳")]
    [InlineData(ScriptLanguage.Japanese, true, "11月26日(木)11時30分頃にお電話をいただいておりましたのに、折り返しが遅くなってしまい、申し訳ございません。", "折り返しご連絡いたしました")]
    [InlineData(ScriptLanguage.English, false, "I received a call from you on Thursday, 26 November at around 11:30 and am calling you back.", "sorry")]
    [InlineData(ScriptLanguage.English, true, "You called me on Thursday, 26 November at around 11:30, and I am sorry to be returning your call so late.", "am calling you back")]
    public void Late_callback_apologises_to_the_receptionist_too(ScriptLanguage lang, bool late, string expected, string absent)
    {
        foreach (var route in new[] { ApplicationRoute.Direct, ApplicationRoute.PartTime })
        {
            var (reception, _) = CallbackSections(ScriptFixtures.Complete(route, lang, late));

            Assert.Contains(expected, reception, StringComparison.Ordinal);
            Assert.DoesNotContain(absent, reception, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(ApplicationRoute.Direct, ScriptLanguage.Japanese,
        "折り返しのご連絡が遅くなり、ご迷惑をおかけして大変申し訳ございません。\n出張中で電話に出られませんでした。\n御社で働きたいという気持ちに変わりはございませんので、引き続き選考を受けさせていただけますと幸いです。\n今後は、平日の18時以降でしたらお電話をお受けできます。\nご用件をお伺いしてもよろしいでしょうか。")]
    [InlineData(ApplicationRoute.StaffingAgency, ScriptLanguage.Japanese,
        "折り返しのご連絡が遅くなり、ご迷惑をおかけして大変申し訳ございません。\n出張中で電話に出られませんでした。\n株式会社サンプル様でのお仕事は、引き続きぜひ希望しております。\n今後は、平日の18時以降でしたらお電話をお受けできます。\n")]
    [InlineData(ApplicationRoute.Direct, ScriptLanguage.English,
        "I apologise for taking so long to return your call, and for any inconvenience.\nI was travelling for work.\nI am still very keen to work with you, and I would be grateful to continue in the selection process.\nFrom now on, the best time to reach me by phone is on weekdays after 18:00.\nMay I ask what your call was about?")]
    [InlineData(ApplicationRoute.StaffingAgency, ScriptLanguage.English,
        "I apologise for taking so long to return your call, and for any inconvenience.\nI was travelling for work.\nI am still very interested in the position at Sample Co., Ltd.\nFrom now on, the best time to reach me by phone is on weekdays after 18:00.\n")]
    public void Late_callback_gives_the_reason_the_wish_to_continue_and_when_to_reach_one(ApplicationRoute route, ScriptLanguage lang, string expected)
    {
        var (_, person) = CallbackSections(ScriptFixtures.Complete(route, lang, late: true));

        Assert.Contains(expected.Replace("\\n", "\n", StringComparison.Ordinal), person, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AllCombinations))]
    public void Reachability_is_said_in_business_language(ScriptKind kind, ScriptLanguage lang, ApplicationRoute route, bool late)
    {
        var body = ScriptWriter.Write(kind, ScriptFixtures.Complete(route, lang, late)).Body;

        // 「確実に出られます」 / "reliably take calls" promise too much and sound casual.
        Assert.DoesNotContain("確実に", body, StringComparison.Ordinal);
        Assert.DoesNotContain("出られます", body, StringComparison.Ordinal);
        Assert.DoesNotContain("reliably", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ApplicationRoute.Direct, ScriptLanguage.Japanese, false,
        "11月24日(火)に一次面接を受けさせていただきました、山田 太郎と申します。\nその後の選考状況について確認させていただきたく、お電話いたしました。\nお手すきの際に、お電話をいただけますと幸いです。\n電話番号は、090の1234の5678です。",
        "折り返し")]
    [InlineData(ApplicationRoute.Direct, ScriptLanguage.Japanese, true,
        "もしかすると、ご連絡をいただいていたのに私のほうで受け取れていないのではないかと思い、念のためお電話いたしました。\nお手すきの際に",
        "折り返し")]
    [InlineData(ApplicationRoute.StaffingAgency, ScriptLanguage.Japanese, false,
        "株式会社ハケンズに派遣登録しております、山田 太郎と申します。\n11月24日(火)の株式会社サンプル様との顔合わせについて、その後の状況を伺いたく、お電話いたしました。",
        "折り返し")]
    [InlineData(ApplicationRoute.Direct, ScriptLanguage.English, false,
        "This is Taro Yamada. I had my first interview with you on Tuesday, 24 November.\nI am calling to ask how the selection is progressing.\nI would be grateful if",
        "returning")]
    [InlineData(ApplicationRoute.Direct, ScriptLanguage.English, true,
        "I thought a message from you might not have reached me, so I am calling just to check.",
        "returning")]
    [InlineData(ApplicationRoute.StaffingAgency, ScriptLanguage.English, false,
        "I am calling to ask whether there is any news about my meeting with Sample Co., Ltd. on Tuesday, 24 November.",
        "returning")]
    public void Follow_up_call_has_its_own_absent_and_voicemail_message(ApplicationRoute route, ScriptLanguage lang, bool mayNotHaveReached, string expected, string absent)
    {
        var ctx = ScriptFixtures.Complete(route, lang) with { MessageMayNotHaveReached = mayNotHaveReached };

        var script = ScriptWriter.Write(ScriptKind.FollowUpAbsentOrVoicemailMessage, ctx);

        Assert.Equal(ScriptChannel.Phone, script.Channel);
        Assert.Equal(2, Count(script.Body, expected)); // once for the message, once for the voicemail
        Assert.DoesNotContain(absent, script.Body, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(ScriptLanguage.Japanese, "伝言や留守番電話を残せば、問い合わせは済んだことになります。", "伝言を残したあと5営業日ほど返信がなければ")]
    [InlineData(ScriptLanguage.English, "A message or voicemail counts as your inquiry", "If there is no answer within about 5 business days")]
    public void Follow_up_message_notes_say_it_counts_as_the_inquiry(ScriptLanguage lang, string counts, string moveOn)
    {
        var notes = ScriptWriter.Write(ScriptKind.FollowUpAbsentOrVoicemailMessage, ScriptFixtures.Complete(ApplicationRoute.Direct, lang)).Notes;

        Assert.Contains(notes, n => n.StartsWith(counts, StringComparison.Ordinal));
        Assert.Contains(notes, n => n.StartsWith(moveOn, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(ScriptKind.FollowUpPhone, ScriptLanguage.Japanese, "「不在・留守電のときの伝言（問い合わせ）」の台本")]
    [InlineData(ScriptKind.FollowUpPhone, ScriptLanguage.English, "\"Message if they are out (follow-up call)\" script")]
    [InlineData(ScriptKind.CallbackPhone, ScriptLanguage.Japanese, "「不在・留守電のときの伝言」の台本")]
    [InlineData(ScriptKind.CallbackPhone, ScriptLanguage.English, "\"Message if they are out\" script")]
    public void Phone_scripts_name_the_message_script_as_the_app_labels_it(ScriptKind kind, ScriptLanguage lang, string reference)
    {
        // The names are the script buttons' labels (SharedResource ScriptKind.*AbsentOrVoicemailMessage).
        Assert.Contains(reference, ScriptWriter.Write(kind, ScriptFixtures.Complete(ApplicationRoute.Direct, lang)).Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ApplicationRoute.Direct, ScriptLanguage.Japanese, "「お世話になっております。山田 太郎です。\n先日は面接のお時間をいただき、ありがとうございました。\n")]
    [InlineData(ApplicationRoute.StaffingAgency, ScriptLanguage.Japanese, "「お世話になっております。山田 太郎です。\n先日は株式会社サンプル様との顔合わせをご調整いただき、ありがとうございました。\n")]
    [InlineData(ApplicationRoute.Direct, ScriptLanguage.English, "\"Hello, this is Taro Yamada. Thank you again for your time on Tuesday, 24 November.\n")]
    [InlineData(ApplicationRoute.StaffingAgency, ScriptLanguage.English, "\"Hello, this is Taro Yamada. Thank you again for arranging my meeting with Sample Co., Ltd.\n")]
    public void Follow_up_call_thanks_whoever_gave_the_interview(ApplicationRoute route, ScriptLanguage lang, string expected)
    {
        Assert.Contains(expected, ScriptWriter.Write(ScriptKind.FollowUpPhone, ScriptFixtures.Complete(route, lang)).Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ScriptLanguage.Japanese, "お電話をいただいておりましたので、折り返しご連絡いたしました。\n折り返しが遅くなり、申し訳ございません。\n")]
    [InlineData(ScriptLanguage.English, "I am returning your call about the interview.\nI am sorry to be calling back so late.\n")]
    public void Late_callback_message_apologises_for_the_delay(ScriptLanguage lang, string apology)
    {
        var late = ScriptWriter.Write(ScriptKind.AbsentOrVoicemailMessage, ScriptFixtures.Complete(ApplicationRoute.Direct, lang, late: true)).Body;
        var onTime = ScriptWriter.Write(ScriptKind.AbsentOrVoicemailMessage, ScriptFixtures.Complete(ApplicationRoute.Direct, lang)).Body;

        Assert.Equal(2, Count(late, apology));
        Assert.DoesNotContain(apology, onTime, StringComparison.Ordinal);
    }

    [Fact]
    public void Voicemail_message_says_who_what_and_the_number_slowly()
    {
        var body = ScriptWriter.Write(ScriptKind.AbsentOrVoicemailMessage, ScriptFixtures.Complete(ApplicationRoute.Direct, ScriptLanguage.Japanese)).Body;

        Assert.Contains("11月24日(火)に一次面接", body, StringComparison.Ordinal);
        Assert.Contains("山田 太郎と申します", body, StringComparison.Ordinal);
        Assert.Contains("お手すきの際に", body, StringComparison.Ordinal);
        Assert.Contains("090の1234の5678", body, StringComparison.Ordinal);
        Assert.Contains("ゆっくり", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, "念のため、その後の選考状況を確認させていただきたく")]
    [InlineData(true, "もしかすると")]
    public void Follow_up_phone_has_a_soft_variant(bool mayNotHaveReached, string expected)
    {
        var ctx = ScriptFixtures.Complete(ApplicationRoute.Direct, ScriptLanguage.Japanese) with { MessageMayNotHaveReached = mayNotHaveReached };

        var body = ScriptWriter.Write(ScriptKind.FollowUpPhone, ctx).Body;

        Assert.Contains(expected, body, StringComparison.Ordinal);
        Assert.Contains("佐藤様はいらっしゃいますでしょうか", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ScriptLanguage.Japanese, "11月26日(木)14時頃、11月30日(月)10時頃に折り返しお電話", "お電話をいただける場合は、平日の18時以降でしたらお受けできます。", "二次面接の日程の件")]
    [InlineData(ScriptLanguage.English, "2 times (Thursday, 26 November at around 14:00; Monday, 30 November at around 10:00)",
        "If you would prefer to call, the best time to reach me is on weekdays after 18:00.", "about scheduling the second interview")]
    public void Email_instead_lists_attempts_reachability_and_topic(ScriptLanguage lang, string attempts, string reachable, string topic)
    {
        var body = ScriptWriter.Write(ScriptKind.EmailInstead, ScriptFixtures.Complete(ApplicationRoute.Direct, lang)).Body;

        Assert.Contains(attempts, body, StringComparison.Ordinal);
        Assert.Contains(reachable, body, StringComparison.Ordinal);
        Assert.Contains(topic, body, StringComparison.Ordinal);
    }

    private static int Count(string text, string word)
    {
        var n = 0;
        for (var i = text.IndexOf(word, StringComparison.OrdinalIgnoreCase); i >= 0; i = text.IndexOf(word, i + word.Length, StringComparison.OrdinalIgnoreCase))
        {
            n++;
        }

        return n;
    }

    [Theory]
    [InlineData(ApplicationRoute.Direct, ScriptLanguage.Japanese,
        "お世話になっております。\n11月24日(火)に一次面接を受けさせていただきました、山田 太郎と申します。\n\nこのたびはお忙しい中、貴重なお時間をいただき、誠にありがとうございました。",
        "入社後の研修の進め方", "面接", 1, "返信する形")]
    [InlineData(ApplicationRoute.Direct, ScriptLanguage.English,
        "My name is Taro Yamada, and I had my first interview at Sample Co., Ltd. on Tuesday, 24 November.\nThank you very much for taking the time to meet me.",
        "how new staff are trained", "interview", 1, "reply in that thread")]
    [InlineData(ApplicationRoute.StaffingAgency, ScriptLanguage.Japanese,
        "株式会社ハケンズに派遣登録しております、山田 太郎と申します。\n\n11月24日(火)は株式会社サンプル様との顔合わせをご調整いただき、誠にありがとうございました。\n当日は特に、",
        "入社後の研修の進め方", "面接", 0, "顔合わせの日程調整のメール")]
    [InlineData(ApplicationRoute.StaffingAgency, ScriptLanguage.English,
        "Thank you for arranging my meeting with Sample Co., Ltd. on Tuesday, 24 November.",
        "how new staff are trained", "interview", 0, "If the meeting was arranged by email")]
    public void Thank_you_introduces_the_sender_once_and_names_the_specific_thing(
        ApplicationRoute route, ScriptLanguage lang, string opening, string learned, string interviewWord, int interviewWordCount, string threadNote)
    {
        var script = ScriptWriter.Write(ScriptKind.ThankYouEmail, ScriptFixtures.Complete(route, lang));

        Assert.Contains(opening, script.Body, StringComparison.Ordinal);
        Assert.Contains(learned, script.Body, StringComparison.Ordinal);

        // The interview is named once, in the introduction (a 顔合わせ is not called an interview at all).
        Assert.Equal(interviewWordCount, Count(script.Body, interviewWord));
        Assert.True(script.Body.Length < 600, $"thank-you is {script.Body.Length} chars");
        Assert.Contains(script.Notes, n => n.Contains(threadNote, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(ScriptKind.FollowUpEmail)]
    [InlineData(ScriptKind.EmailInstead)]
    [InlineData(ScriptKind.FeedbackRequestEmail)]
    [InlineData(ScriptKind.ThankYouEmail)]
    public void Japanese_mails_introduce_the_sender_with_to_moushimasu(ScriptKind kind)
    {
        var direct = ScriptWriter.Write(kind, ScriptFixtures.Complete(ApplicationRoute.Direct, ScriptLanguage.Japanese)).Body;
        var agency = ScriptWriter.Write(kind, ScriptFixtures.Complete(ApplicationRoute.StaffingAgency, ScriptLanguage.Japanese)).Body;

        Assert.Contains("\n11月24日(火)に一次面接を受けさせていただきました、山田 太郎と申します。\n", direct, StringComparison.Ordinal);
        Assert.Contains("\n株式会社ハケンズに派遣登録しております、山田 太郎と申します。\n", agency, StringComparison.Ordinal);
        Assert.DoesNotContain("山田 太郎です。", direct + agency, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ApplicationRoute.Direct, "一次面接を受けさせていただきました", "先日はお忙しい中、お時間をいただき、誠にありがとうございました。", 1)]
    [InlineData(ApplicationRoute.StaffingAgency, "顔合わせでは、ご調整いただきありがとうございました。", "念のためのご確認で恐縮ですが", 0)]
    public void Follow_up_email_names_the_interview_once(ApplicationRoute route, string intro, string thanks, int interviewCount)
    {
        var body = ScriptWriter.Write(ScriptKind.FollowUpEmail, ScriptFixtures.Complete(route, ScriptLanguage.Japanese)).Body;

        Assert.Contains(intro, body, StringComparison.Ordinal);
        Assert.Contains(thanks, body, StringComparison.Ordinal);
        Assert.Equal(interviewCount, Count(body, "面接"));
    }

    [Theory]
    [InlineData(ApplicationRoute.Direct, ScriptLanguage.Japanese, "選考の機会をいただき",
        "もちろん、ご対応が難しい場合もあるかと存じます。その際は、どうぞお気になさらないでください。")]
    [InlineData(ApplicationRoute.StaffingAgency, ScriptLanguage.Japanese, "選考結果をお知らせいただき",
        "特にコメントがない場合や、お伝えいただくのが難しい場合は、どうぞお気になさらないでください。")]
    [InlineData(ApplicationRoute.Direct, ScriptLanguage.English, "Thank you for the opportunity to take part in your selection process",
        "I understand this is not always possible; if so, please do not give it another thought.")]
    [InlineData(ApplicationRoute.StaffingAgency, ScriptLanguage.English, "Thank you for letting me know the outcome",
        "Of course, if there were no comments or they cannot be shared, please do not give it another thought.")]
    public void Feedback_request_expects_no_answer_and_says_so_kindly(ApplicationRoute route, ScriptLanguage lang, string thanks, string noExpectation)
    {
        var body = ScriptWriter.Write(ScriptKind.FeedbackRequestEmail, ScriptFixtures.Complete(route, lang)).Body;

        Assert.Contains(thanks, body, StringComparison.Ordinal);
        Assert.Contains(noExpectation, body, StringComparison.Ordinal);
        foreach (var curt in new[] { "不要", "返信は結構", "no need to reply", "obliged" })
        {
            Assert.DoesNotContain(curt, body, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Theory]
    [MemberData(nameof(AllCombinations))]
    public void Dates_are_absolute_never_today_or_yesterday(ScriptKind kind, ScriptLanguage lang, ApplicationRoute route, bool late)
    {
        // A mail sent a day late, or a script read the next morning, must still be right.
        var script = ScriptWriter.Write(kind, ScriptFixtures.Complete(route, lang, late));
        string[] relative = lang == ScriptLanguage.Japanese
            ? ["本日", "今日", "昨日", "明日", "先ほど", "おととい"]
            : ["today", "yesterday", "tomorrow", "this morning", "this afternoon", "earlier"];

        foreach (var word in relative)
        {
            Assert.DoesNotContain(word, script.Body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(word, script.Subject ?? string.Empty, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Theory]
    [InlineData(ScriptKind.CallbackPhone, ScriptLanguage.Japanese, "11月26日(木)11時30分頃に")]
    [InlineData(ScriptKind.CallbackPhone, ScriptLanguage.English, "on Thursday, 26 November at around 11:30")]
    [InlineData(ScriptKind.EmailInstead, ScriptLanguage.Japanese, "11月26日(木)11時30分頃にお電話をいただきながら")]
    [InlineData(ScriptKind.EmailInstead, ScriptLanguage.English, "I am sorry I missed your call on Thursday, 26 November at around 11:30.")]
    [InlineData(ScriptKind.ThankYouEmail, ScriptLanguage.Japanese, "11月24日(火)")]
    [InlineData(ScriptKind.ThankYouEmail, ScriptLanguage.English, "Tuesday, 24 November")]
    public void Dates_name_the_day(ScriptKind kind, ScriptLanguage lang, string expected)
    {
        Assert.Contains(expected, ScriptWriter.Write(kind, ScriptFixtures.Complete(ApplicationRoute.Direct, lang)).Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2026, 11, 24, "11月24日(火)", "Tuesday, 24 November")]
    [InlineData(2026, 11, 29, "11月29日(日)", "Sunday, 29 November")]
    [InlineData(2027, 1, 4, "1月4日(月)", "Monday, 4 January")]
    public void Dates_are_written_the_local_way(int y, int m, int d, string ja, string en)
    {
        var at = new DateTime(y, m, d, 14, 0, 0);
        var jaCtx = ScriptFixtures.Complete(ApplicationRoute.Direct, ScriptLanguage.Japanese) with { InterviewAt = at };
        var enCtx = ScriptFixtures.Complete(ApplicationRoute.Direct, ScriptLanguage.English) with { InterviewAt = at };

        Assert.Contains(ja, ScriptWriter.Write(ScriptKind.FollowUpEmail, jaCtx).Body, StringComparison.Ordinal);
        Assert.Contains(en, ScriptWriter.Write(ScriptKind.FollowUpEmail, enCtx).Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(StepKind.Prepare, false, new ScriptKind[0])]
    [InlineData(StepKind.CallBack, false, new[] { ScriptKind.CallbackPhone, ScriptKind.AbsentOrVoicemailMessage })]
    [InlineData(StepKind.RetryCall, false, new[] { ScriptKind.CallbackPhone, ScriptKind.AbsentOrVoicemailMessage })]
    [InlineData(StepKind.EmailInstead, false, new[] { ScriptKind.EmailInstead })]
    [InlineData(StepKind.SendThankYou, false, new[] { ScriptKind.ThankYouEmail })]
    [InlineData(StepKind.FollowUp, false, new[] { ScriptKind.FollowUpEmail, ScriptKind.FollowUpPhone, ScriptKind.FollowUpAbsentOrVoicemailMessage })]
    [InlineData(StepKind.MoveOn, false, new ScriptKind[0])]
    [InlineData(StepKind.MoveOn, true, new[] { ScriptKind.FeedbackRequestEmail })]
    [InlineData(StepKind.Done, false, new ScriptKind[0])]
    [InlineData(StepKind.Done, true, new[] { ScriptKind.FeedbackRequestEmail })]
    public void Kinds_for_each_step(StepKind step, bool rejected, ScriptKind[] expected)
    {
        foreach (var route in Enum.GetValues<ApplicationRoute>())
        {
            Assert.Equal(expected, ScriptWriter.KindsFor(step, route, rejected));
        }
    }

    [Fact]
    public void Only_the_feedback_request_is_optional()
    {
        Assert.Equal([ScriptKind.FeedbackRequestEmail], Enum.GetValues<ScriptKind>().Where(ScriptWriter.IsOptional));
    }

    [Fact]
    public void Timing_words_come_from_the_promise()
    {
        Assert.Equal(new LocalizedText("5営業日以内", "within 5 business days"), ScriptTiming.From(ReplyPromise.WithinBusinessDays(5)));
        Assert.Equal(new LocalizedText("1週間以内", "within a week"), ScriptTiming.From(ReplyPromise.WithinWeeks(1)));
        Assert.Equal(new LocalizedText("10日以内", "within 10 days"), ScriptTiming.From(ReplyPromise.WithinDays(10)));
        Assert.Null(ScriptTiming.From(ReplyPromise.ByDate(new DateOnly(2026, 12, 1))));
        Assert.Null(ScriptTiming.From(ReplyPromise.Unspecified));
    }

    public static TheoryData<ScriptKind, bool> KindsAndLate()
    {
        var data = new TheoryData<ScriptKind, bool>();
        foreach (var kind in Enum.GetValues<ScriptKind>())
        {
            data.Add(kind, false);
            data.Add(kind, true);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(KindsAndLate))]
    public void Agency_scripts_call_a_kaoawase_a_kaoawase(ScriptKind kind, bool late)
    {
        // CallTopic is the user's own words; everything else is ours and must follow the stage.
        var ja = ScriptWriter.Write(kind, ScriptFixtures.Complete(ApplicationRoute.StaffingAgency, ScriptLanguage.Japanese, late) with { CallTopic = null });
        var en = ScriptWriter.Write(kind, ScriptFixtures.Complete(ApplicationRoute.StaffingAgency, ScriptLanguage.English, late) with { CallTopic = null });

        foreach (string text in (string[])[ja.Subject ?? string.Empty, ja.Body, .. ja.Notes])
        {
            Assert.DoesNotContain("面接", text, StringComparison.Ordinal);
        }

        foreach (string text in (string[])[en.Subject ?? string.Empty, en.Body, .. en.Notes])
        {
            Assert.DoesNotContain("interview", text, StringComparison.OrdinalIgnoreCase);
        }

        if (kind != ScriptKind.CallbackThanksEmail) // thanks for a call, which need not name the meeting
        {
            Assert.Contains("顔合わせ", ja.Body, StringComparison.Ordinal);
            Assert.Contains("meeting", en.Body, StringComparison.Ordinal);
        }
    }
}
