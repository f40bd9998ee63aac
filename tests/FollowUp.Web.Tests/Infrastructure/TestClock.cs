namespace FollowUp.Web.Tests.Infrastructure;

/// <summary>The tests' clock: Microsoft's <see cref="FakeTimeProvider"/>, standing on a known business morning.</summary>
public static class TestClock
{
    /// <summary>Tuesday 24 November 2026, 10:00 in Tokyo.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2026, 11, 24, 1, 0, 0, TimeSpan.Zero);

    /// <summary>A fake clock at <see cref="DefaultStart"/>.</summary>
    public static FakeTimeProvider AtDefaultStart() => new(DefaultStart);

    /// <summary>
    /// Moves the clock to <paramref name="target"/>, forwards (timers due on the way fire) or backwards (the fake
    /// refuses to go back with <c>SetUtcNow</c>; <c>AdjustTime</c> does, as a user's clock being corrected would).
    /// </summary>
    public static void MoveTo(this FakeTimeProvider clock, DateTimeOffset target)
    {
        ArgumentNullException.ThrowIfNull(clock);
        if (target >= clock.GetUtcNow())
        {
            clock.SetUtcNow(target);
        }
        else
        {
            clock.AdjustTime(target);
        }
    }
}
