namespace FollowUp.Web.Infrastructure;

/// <summary>The one clock of the app. Tests replace it with a fake.</summary>
public static class ClockSetup
{
    public static WebApplicationBuilder AddFollowUpClock(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton(TimeProvider.System);
        return builder;
    }
}
