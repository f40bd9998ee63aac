namespace FollowUp.Web.Tests.Infrastructure;

/// <summary>A clock that only moves when told to (Microsoft.Extensions.TimeProvider.Testing is not available here).</summary>
public sealed class FakeTimeProvider(DateTimeOffset start) : TimeProvider
{
    /// <summary>Tuesday 24 November 2026, 10:00 in Tokyo.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2026, 11, 24, 1, 0, 0, TimeSpan.Zero);

    private readonly object _gate = new();
    private DateTimeOffset _now = start;

    public FakeTimeProvider()
        : this(DefaultStart)
    {
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public void Advance(TimeSpan by)
    {
        lock (_gate)
        {
            _now += by;
        }
    }
}
