using System.Globalization;
using FollowUp.Domain.Advice;
using FollowUp.Domain.Calendar;
using FollowUp.Domain.Events;
using Xunit;

namespace FollowUp.Domain.Tests.Scripts;

/// <summary>
/// <see cref="EtiquetteEngine.LatestCallback"/>: the callback thread the scripts quote is the one the engine
/// counts (issue 13, point 7). Events are written as "code MM-dd HH:mm", separated by ';', all in 2026:
/// M missed call (callback asked), X missed call "no need to call back", N call nobody answered (no purpose),
/// NB the same with purpose callBack, NF with purpose followUp, L message left (no purpose), R call that
/// reached them (no purpose), C they reached us by phone, E an "other" email, U result "under review".
/// </summary>
public sealed class CallbackThreadTests
{
    // Tuesday 2026-11-24 10:00, reply within a week.
    private static readonly InterviewFacts s_interview = new(T("11-24 10:00"), ReplyPromise.WithinWeeks(1));
    private static readonly BusinessCalendar s_calendar = new(CompanyCalendar.Default, EtiquettePolicy.Default);

    private static DateTime T(string s) => DateTime.ParseExact("2026-" + s, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static ContactEvent[] Events(string spec) =>
        [.. spec.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Event)];

    private static ContactEvent Event(string e)
    {
        var code = e[..e.IndexOf(' ', StringComparison.Ordinal)];
        var at = T(e[(code.Length + 1)..]);
        return code switch
        {
            "M" => new MissedCall(at, VoicemailKind.CallBack),
            "X" => new MissedCall(at, VoicemailKind.NoCallbackNeeded),
            "N" => new CallMade(at, CallOutcome.NoAnswer),
            "NB" => new CallMade(at, CallOutcome.NoAnswer, CallPurpose.CallBack),
            "NF" => new CallMade(at, CallOutcome.NoAnswer, CallPurpose.FollowUp),
            "L" => new CallMade(at, CallOutcome.LeftMessage),
            "R" => new CallMade(at, CallOutcome.Reached),
            "C" => new ContactReceived(at, ContactChannel.Phone),
            "E" => new EmailSent(at, EmailPurpose.Other),
            "U" => new ResultReceived(at, ResultOutcome.UnderReview),
            _ => throw new ArgumentException(e, nameof(e)),
        };
    }

    [Theory]
    // Two unanswered callbacks: both counted, with their times.
    [InlineData("M 11-26 11:30; N 11-26 14:00; L 11-30 10:00", "12-01 09:00", "11-26 11:30", "11-26 14:00|11-30 10:00", true, null, false)]
    // A call for the follow-up is never a callback attempt, even while one is owed: the first callback came
    // four days later, so it is late.
    [InlineData("M 11-26 11:30; NF 11-26 14:00; N 11-30 10:00", "12-01 09:00", "11-26 11:30", "11-30 10:00", true, null, true)]
    // They reached us: the thread closes, and a later call without a purpose is a follow-up, not an attempt
    // (the count ScriptInputs used to make kept counting it).
    [InlineData("M 11-26 11:30; N 11-26 14:00; C 11-27 10:00; N 12-07 10:00", "12-08 09:00", "11-26 11:30", "11-26 14:00", false, null, false)]
    // A result closes it as well; "callBack" calls after that are ignored.
    [InlineData("M 11-26 11:30; U 11-27 10:00; NB 11-30 10:00", "12-01 09:00", "11-26 11:30", "", false, null, false)]
    // A newer missed call starts afresh; "no need to call back" neither starts nor resets one.
    [InlineData("M 11-26 11:30; N 11-26 14:00; M 11-30 10:00; X 11-30 11:00; N 11-30 15:00", "12-01 09:00", "11-30 10:00", "11-30 15:00", true, null, false)]
    // An email does not close it.
    [InlineData("M 11-26 11:30; N 11-26 14:00; E 11-27 10:00", "11-30 09:00", "11-26 11:30", "11-26 14:00", true, null, false)]
    // Calls logged after now have not happened yet.
    [InlineData("M 11-26 11:30; N 11-26 14:00; N 11-30 10:00", "11-27 09:00", "11-26 11:30", "11-26 14:00", true, null, false)]
    // Reached on the first try, the same day: closed, not late.
    [InlineData("M 11-26 11:30; R 11-26 14:00", "11-26 15:00", "11-26 11:30", "", false, "11-26 14:00", false)]
    // Seed 001: called back six days later and reached them: late.
    [InlineData("M 11-26 11:30; R 12-02 10:00", "12-02 11:00", "11-26 11:30", "", false, "12-02 10:00", true)]
    // Late first attempt, reached on the retry: still a late callback.
    [InlineData("M 11-26 11:30; L 11-30 10:00; R 12-02 10:00", "12-02 11:00", "11-26 11:30", "11-30 10:00", false, "12-02 10:00", true)]
    // On-time first attempt, reached on the retry: not late.
    [InlineData("M 11-26 11:30; N 11-26 16:00; R 11-30 10:00", "11-30 11:00", "11-26 11:30", "11-26 16:00", false, "11-30 10:00", false)]
    // Nothing done yet: late once the day it was due has ended (17:00), not before.
    [InlineData("M 11-26 11:30", "11-26 16:59", "11-26 11:30", "", true, null, false)]
    [InlineData("M 11-26 11:30", "11-26 17:01", "11-26 11:30", "", true, null, true)]
    // A call in the evening is due the next business day (Friday 17:00).
    [InlineData("M 11-26 20:00; N 11-27 16:00", "11-30 09:00", "11-26 20:00", "11-27 16:00", true, null, false)]
    public void Thread_is_counted_as_the_engine_counts_it(
        string events, string now, string missedAt, string attempts, bool open, string? reachedAt, bool late)
    {
        var thread = EtiquetteEngine.LatestCallback(s_interview, Events(events), s_calendar, T(now));

        Assert.NotNull(thread);
        Assert.Equal(T(missedAt), thread.MissedAt);
        Assert.Equal(
            attempts.Split('|', StringSplitOptions.RemoveEmptyEntries).Select(T),
            thread.FailedAttempts);
        Assert.Equal(open, thread.IsOpen);
        Assert.Equal(reachedAt is null ? null : T(reachedAt), thread.ReachedAt);
        Assert.Equal(late, thread.IsLate);
    }

    [Theory]
    [InlineData("", "11-30 09:00")]
    [InlineData("X 11-26 11:30; N 11-26 14:00", "11-30 09:00")]
    [InlineData("M 11-30 10:00", "11-27 09:00")] // the missed call is after now
    public void No_thread_without_a_missed_call_that_asks_for_one(string events, string now)
    {
        Assert.Null(EtiquetteEngine.LatestCallback(s_interview, Events(events), s_calendar, T(now)));
    }

    [Theory]
    [InlineData("M 11-26 11:30", "11-26 12:00", StepKind.CallBack)]
    [InlineData("M 11-26 11:30; N 11-26 14:00", "11-27 09:00", StepKind.RetryCall)]
    [InlineData("M 11-26 11:30; N 11-26 14:00; NF 11-27 10:00; L 11-30 10:00", "12-01 09:00", StepKind.RetryCall)]
    [InlineData("M 11-26 11:30; N 11-26 14:00; L 11-30 10:00; N 12-03 10:00", "12-04 09:00", StepKind.EmailInstead)]
    [InlineData("M 11-26 11:30; N 11-26 14:00; C 11-27 10:00; M 11-30 10:00; N 11-30 14:00", "12-01 09:00", StepKind.RetryCall)]
    public void Attempts_match_the_step_the_engine_gives(string events, string now, StepKind expected)
    {
        var list = Events(events);
        var thread = EtiquetteEngine.LatestCallback(s_interview, list, s_calendar, T(now));
        var primary = EtiquetteEngine.Advise(s_interview, list, s_calendar, T(now)).Primary;

        Assert.Equal(expected, primary.Kind);
        Assert.NotNull(thread);
        var stepFromCount = thread.FailedAttempts.Length switch
        {
            0 => StepKind.CallBack,
            var n when n < EtiquettePolicy.Default.MaxCallAttempts => StepKind.RetryCall,
            _ => StepKind.EmailInstead,
        };
        Assert.Equal(primary.Kind, stepFromCount);
        Assert.Equal(primary.Overdue && primary.Kind == StepKind.CallBack, thread.IsLate && thread.FailedAttempts.IsEmpty);
    }
}
