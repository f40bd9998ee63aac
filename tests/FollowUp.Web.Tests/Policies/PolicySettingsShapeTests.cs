using System.Reflection;
using FollowUp.Domain.Advice;
using FollowUp.Web.Data;
using FollowUp.Web.Features.NextSteps;

namespace FollowUp.Web.Tests.Policies;

/// <summary>
/// The settings a person may change are listed once, in the Domain (<see cref="PolicyLimits.Editable"/>); the
/// stored record and the form keep a property per setting (the JSON's names, the fields' <c>For</c>), and these
/// tests hold the three together and the stored text byte for byte.
/// </summary>
public sealed class PolicySettingsShapeTests
{
    [Fact]
    public void The_stored_settings_and_the_form_have_a_property_for_each_editable_setting_and_no_other()
    {
        var editable = PolicyLimits.Editable.Select(s => s.Name).Order();
        Assert.Equal(editable, PublicProperties(typeof(PolicySettings)).Order());
        Assert.Equal(editable, PublicProperties(typeof(PolicyInput)).Order());
    }

    [Fact]
    public void The_stored_text_is_unchanged_and_reads_back_through_the_form()
    {
        Assert.Equal(
            """{"inquiryGraceBusinessDays":3,"callbackRetryAfterBusinessDays":2,"callbackRetryDueBusinessDays":3,"maxCallAttempts":3,"followUpLimit":1,"moveOnAfterBusinessDays":5,"callWindowMarginHours":1,"avoidLunch":true,"suggestThankYou":true}""",
            PolicySettings.Converter.ConvertToProvider(PolicySettings.Recommended));
        var custom = new PolicySettings
        {
            InquiryGraceBusinessDays = 4, CallbackRetryAfterBusinessDays = 1, CallbackRetryDueBusinessDays = 2, MaxCallAttempts = 5,
            FollowUpLimit = 2, MoveOnAfterBusinessDays = 10, CallWindowMarginHours = 0, AvoidLunch = false, SuggestThankYou = false,
        };
        Assert.Equal(
            """{"inquiryGraceBusinessDays":4,"callbackRetryAfterBusinessDays":1,"callbackRetryDueBusinessDays":2,"maxCallAttempts":5,"followUpLimit":2,"moveOnAfterBusinessDays":10,"callWindowMarginHours":0,"avoidLunch":false,"suggestThankYou":false}""",
            PolicySettings.Converter.ConvertToProvider(custom));

        var input = PolicyInput.From(custom);
        Assert.Equal((4, 5, 0, false, false), (input.InquiryGraceBusinessDays, input.MaxCallAttempts, input.CallWindowMarginHours, input.AvoidLunch, input.SuggestThankYou));
        Assert.Empty(input.Validate());
        // The settings nobody may change keep the library's values; the others are the person's.
        Assert.Equal(EtiquettePolicy.Default with
        {
            InquiryGraceBusinessDays = 4, CallbackRetryAfterBusinessDays = 1, CallbackRetryDueBusinessDays = 2, MaxCallAttempts = 5,
            FollowUpLimit = 2, MoveOnAfterBusinessDays = 10, CallWindowMarginHours = 0, AvoidLunch = false, SuggestThankYou = false,
        }, custom.ToPolicy());
        Assert.Equal(custom, PolicySettings.From(custom.ToPolicy() with { UnspecifiedWaitDays = 30 }));
        Assert.Equal(custom, PolicySettings.Converter.ConvertFromProvider(PolicySettings.Converter.ConvertToProvider(custom)));
    }

    private static IEnumerable<string> PublicProperties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0).Select(p => p.Name);
}
