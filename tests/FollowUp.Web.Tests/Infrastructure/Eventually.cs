namespace FollowUp.Web.Tests.Infrastructure;

/// <summary>Polls until background work (the scheduler, a server process) has done something, or fails the test.</summary>
public static class Eventually
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public static async Task TrueAsync(Func<Task<bool>> condition, string what = "the scheduler") =>
        await ValueAsync(async () => await condition() ? "" : null, what);

    /// <summary>Returns the first non-null <paramref name="value"/>.</summary>
    public static async Task<T> ValueAsync<T>(Func<Task<T?>> value, string what = "the scheduler") where T : class
    {
        ArgumentNullException.ThrowIfNull(value);
        var deadline = Environment.TickCount64 + (long)Timeout.TotalMilliseconds;
        while (true)
        {
            if (await value() is { } found)
            {
                return found;
            }
            Assert.True(Environment.TickCount64 < deadline, $"timed out waiting for {what}");
            await Task.Delay(100);
        }
    }
}
