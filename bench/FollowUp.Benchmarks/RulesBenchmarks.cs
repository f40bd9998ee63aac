using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using FollowUp.Domain.Advice;
using FollowUp.Domain.Calendar;
using FollowUp.Domain.Events;

namespace FollowUp.Benchmarks;

/// <summary>The rules library's hot paths, against the goals in docs/performance.md.</summary>
[MemoryDiagnoser]
public class RulesBenchmarks
{
    private static readonly InterviewFacts s_interview = new(new DateTime(2026, 11, 16, 14, 0, 0), ReplyPromise.WithinBusinessDays(5));

    // A realistic state: thank-you sent, a missed call returned, now waiting for the promised date.
    private static readonly ImmutableArray<ContactEvent> s_events =
    [
        new EmailSent(new DateTime(2026, 11, 16, 19, 0, 0), EmailPurpose.ThankYou),
        new MissedCall(new DateTime(2026, 11, 18, 19, 30, 0), VoicemailKind.CallBack),
        new CallMade(new DateTime(2026, 11, 19, 10, 15, 0), CallOutcome.Reached),
    ];

    private static readonly DateTime s_now = new(2026, 11, 20, 12, 0, 0);
    private readonly BusinessCalendar _calendar = new(CompanyCalendar.Default, EtiquettePolicy.Default);
    private readonly DateOnly _day = new(2026, 11, 24);
    private int _year = 2026;

    [GlobalSetup]
    public void Setup() => _ = _calendar.IsBusinessDay(_day); // warm the holiday cache

    [Benchmark(Description = "Primary step (promise + 3 events)")]
    public NextStep PrimaryStep() => EtiquetteEngine.Primary(s_interview, s_events, _calendar, s_now);

    // What a caller pays when it does not keep its calendar (the engine used to keep the last one itself).
    [Benchmark(Description = "Primary step, calendar built for the call")]
    public NextStep PrimaryFreshCalendar() =>
        EtiquetteEngine.Primary(s_interview, s_events, new BusinessCalendar(CompanyCalendar.Default, EtiquettePolicy.Default), s_now);

    [Benchmark(Description = "Primary step, prepared calendar, no explanation (lists)")]
    public NextStep PrimaryUnexplained() => EtiquetteEngine.Primary(s_interview, s_events, _calendar, s_now, explain: false);

    [Benchmark(Description = "Full advice (promise + 3 events)")]
    public Advice Advise() => EtiquetteEngine.Advise(s_interview, s_events, _calendar, s_now);

    [Benchmark(Description = "Holiday list for a year, cold")]
    public ImmutableArray<Holiday> HolidaysCold()
    {
        // Cycle through years so nothing is reused between calls; Compute bypasses the cache.
        _year = _year == JapaneseHolidays.MaxYear ? JapaneseHolidays.MinYear : _year + 1;
        return JapaneseHolidays.Compute(_year);
    }

    [Benchmark(Description = "IsBusinessDay, cached")]
    public bool IsBusinessDay() => _calendar.IsBusinessDay(_day);

    [Benchmark(Description = "JapaneseHolidays.IsHoliday, cached")]
    public bool IsHoliday() => JapaneseHolidays.IsHoliday(_day);
}
