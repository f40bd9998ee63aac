using System.Diagnostics;
using BenchmarkDotNet.Running;
using FollowUp.Benchmarks;

if (args is ["--quick", ..])
{
    // A plain stopwatch loop for a fast look while tuning; BenchmarkDotNet gives the figures of record.
    var b = new RulesBenchmarks();
    b.Setup();
    for (var round = 0; round < 3; round++)
    {
    Measure("Primary step", () => b.PrimaryStep());
    Measure("Primary, new cal", () => b.PrimaryFreshCalendar());
    Measure("Full advice", () => b.Advise());
    Measure("Holidays cold", () => b.HolidaysCold());
    Measure("IsBusinessDay", () => b.IsBusinessDay());
    }

    var cal = new FollowUp.Domain.Calendar.BusinessCalendar(FollowUp.Domain.Calendar.CompanyCalendar.Default, FollowUp.Domain.Advice.EtiquettePolicy.Default);
    var day = new DateOnly(2026, 11, 16);
    var interview = new FollowUp.Domain.Advice.InterviewFacts(new DateTime(2026, 11, 16, 14, 0, 0), FollowUp.Domain.Advice.ReplyPromise.WithinBusinessDays(5));
    for (var round = 0; round < 2; round++)
    {
        Measure("AddBusinessDays5", () => cal.AddBusinessDays(day, 5));
        Measure("NextCallMoment", () => cal.NextCallMoment(new DateTime(2026, 11, 20, 19, 0, 0)));
        Measure("PromisedDate", () => FollowUp.Domain.Advice.EtiquetteEngine.PromisedDate(interview, [], cal, new DateTime(2026, 11, 20, 12, 0, 0))!);
        Measure("string interp", () => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{day.Month}月{day.Day}日 まではお問い合わせを控えましょう。結果は{day.Month}までに連絡するとのことでした。その間も、ほかの応募は止めずに進めておきましょう。"));
    }
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

static void Measure(string name, Func<object> action)
{
    for (var i = 0; i < 100_000; i++)
    {
        action();
    }

    const int N = 2_000_000;
    var before = GC.GetAllocatedBytesForCurrentThread();
    var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
    var sw = Stopwatch.StartNew();
    for (var i = 0; i < N; i++)
    {
        action();
    }

    sw.Stop();
    var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalNanoseconds / N;
    var bytes = (GC.GetAllocatedBytesForCurrentThread() - before) / (double)N;
    // CPU time next to wall time: on a shared machine the wall clock also counts time spent descheduled.
    Console.WriteLine($"{name,-16} {sw.Elapsed.TotalNanoseconds / N,8:F1} ns/op wall {cpu,8:F1} ns/op CPU {bytes,8:F0} B/op");
}
