using FollowUp.Domain.Applications;
using FollowUp.Domain.Scripts;
using Xunit;

namespace FollowUp.Domain.Tests.Scripts;

public sealed class ScriptPunctuationTests
{
    public static TheoryData<ScriptKind, ApplicationRoute> KindsAndRoutes()
    {
        var data = new TheoryData<ScriptKind, ApplicationRoute>();
        foreach (var kind in Enum.GetValues<ScriptKind>())
        {
            data.Add(kind, ApplicationRoute.Direct);
            data.Add(kind, ApplicationRoute.StaffingAgency);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(KindsAndRoutes))]
    public void A_name_ending_in_a_period_ends_a_sentence_once(ScriptKind kind, ApplicationRoute route)
    {
        foreach (var late in new[] { false, true })
        {
            // The English fixture's company is "Sample Co., Ltd."; the Japanese one has no period to double.
            var en = ScriptWriter.Write(kind, ScriptFixtures.Complete(route, ScriptLanguage.English, late)).Body;
            var ja = ScriptWriter.Write(kind, ScriptFixtures.Complete(route, ScriptLanguage.Japanese, late) with { Company = "Sample Co., Ltd." }).Body;

            Assert.DoesNotContain("Ltd..", en, StringComparison.Ordinal);
            Assert.DoesNotContain("Ltd..", ja, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void An_ellipsis_typed_by_the_user_is_kept()
    {
        var ctx = ScriptFixtures.Complete(ApplicationRoute.Direct, ScriptLanguage.English) with { LearnedInInterview = "how teams share work..." };

        Assert.Contains("how teams share work...", ScriptWriter.Write(ScriptKind.ThankYouEmail, ctx).Body, StringComparison.Ordinal);
    }
}
