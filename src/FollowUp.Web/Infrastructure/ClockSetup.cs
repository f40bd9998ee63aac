using System.Globalization;

namespace FollowUp.Web.Infrastructure;

/// <summary>The one clock of the app. Tests replace it with a fake.</summary>
public static class ClockSetup
{
    /// <summary>
    /// Registers <see cref="TimeProvider.System"/>. In Development and Testing only, <c>FollowUp:Clock:StartAt</c>
    /// (an ISO 8601 instant such as <c>2026-11-20T19:30:00+09:00</c>) starts the app's clock at that instant and
    /// lets it run from there, so demos and browser tests can stand on a known weekday and hour.
    /// </summary>
    public static WebApplicationBuilder AddFollowUpClock(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var startAt = builder.Configuration["FollowUp:Clock:StartAt"];
        var mayShift = builder.Environment.IsDevelopment() || builder.Environment.IsEnvironment("Testing");
        if (mayShift && !string.IsNullOrWhiteSpace(startAt)
            && DateTimeOffset.TryParse(startAt, CultureInfo.InvariantCulture, DateTimeStyles.None, out var start))
        {
            builder.Services.AddSingleton<TimeProvider>(new ShiftedTimeProvider(TimeProvider.System, start));
        }
        else
        {
            builder.Services.AddSingleton(TimeProvider.System);
        }
        return builder;
    }
}

/// <summary>A clock that runs at real speed from a chosen starting instant.</summary>
internal sealed class ShiftedTimeProvider : TimeProvider
{
    private readonly TimeProvider _inner;
    private readonly TimeSpan _offset;

    public ShiftedTimeProvider(TimeProvider inner, DateTimeOffset startAt)
    {
        _inner = inner;
        _offset = startAt - inner.GetUtcNow();
    }

    public override DateTimeOffset GetUtcNow() => _inner.GetUtcNow() + _offset;

    public override TimeZoneInfo LocalTimeZone => _inner.LocalTimeZone;

    public override long GetTimestamp() => _inner.GetTimestamp();

    public override long TimestampFrequency => _inner.TimestampFrequency;
}
