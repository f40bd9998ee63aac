using System.Text.Json;
using FollowUp.Domain.Advice;
using FollowUp.Domain.Calendar;
using Xunit;
using static FollowUp.Domain.Tests.Conformance.ConformanceParser;

namespace FollowUp.Domain.Tests.Conformance;

/// <summary>Runs every shared conformance case as its own test.</summary>
public sealed class ConformanceTests
{
    public static TheoryData<string> Cases()
    {
        var files = ConformanceCases.Files();
        // An empty set must fail, never pass silently: yield a sentinel that the theory rejects.
        return files.Count == 0 ? new TheoryData<string>(ConformanceCases.NoCasesSentinel) : new TheoryData<string>(files);
    }

    [Fact]
    public void Conformance_cases_are_found()
    {
        var files = ConformanceCases.Files();
        Assert.True(files.Count > 0, $"No conformance case (*.json) in: {string.Join(", ", ConformanceCases.Directories())}");
    }

    [Fact]
    public void The_repository_copy_equals_the_shared_cases_when_they_are_beside_it()
    {
        var copy = Path.Combine(ConformanceCases.RepositoryRoot(), ConformanceCases.RepositoryCopy);
        Assert.True(Directory.Exists(copy), $"The repository's copy of the conformance cases is missing: {copy}");
        var shared = ConformanceCases.SharedFolder();
        if (!Directory.Exists(shared))
        {
            // A clone on its own: the copy is all there is, and the other tests run it.
            return;
        }

        static Dictionary<string, string> Read(string dir) => Directory.EnumerateFiles(dir)
            .ToDictionary(f => Path.GetFileName(f), f => File.ReadAllText(f).ReplaceLineEndings("\n"), StringComparer.Ordinal);
        var expected = Read(shared);
        var actual = Read(copy);
        var missing = expected.Keys.Except(actual.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var extra = actual.Keys.Except(expected.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var changed = expected.Keys.Intersect(actual.Keys, StringComparer.Ordinal).Where(k => expected[k] != actual[k]).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count + extra.Count + changed.Count == 0,
            $"Copy {shared} to {copy} again. Missing: [{string.Join(", ", missing)}]; extra: [{string.Join(", ", extra)}]; different: [{string.Join(", ", changed)}]");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Conformance_case(string file)
    {
        Assert.True(file != ConformanceCases.NoCasesSentinel,
            $"No conformance case (*.json) in: {string.Join(", ", ConformanceCases.Directories())}");

        using var doc = JsonDocument.Parse(File.ReadAllText(file));
        var root = doc.RootElement;
        var name = $"{Path.GetFileName(file)} — {root.GetProperty("name").GetString()}";
        var kind = root.GetProperty("kind").GetString();
        switch (kind)
        {
            case "advice":
                RunAdvice(root, name);
                break;
            case "addBusinessDays":
                var calendar = new BusinessCalendar(ParseCalendar(root), EtiquettePolicy.Default);
                var actualDay = calendar.AddBusinessDays(DateOf(root.GetProperty("from")), root.GetProperty("days").GetInt32());
                var expectedDay = DateOf(root.GetProperty("expect"));
                Assert.True(expectedDay == actualDay, $"{name}\n  expected {Format(expectedDay)}\n  actual   {Format(actualDay)}");
                break;
            case "holidays":
                var expected = string.Join(", ", root.GetProperty("expect").EnumerateArray().Select(e => e.GetString()));
                var actual = string.Join(", ", JapaneseHolidays.For(root.GetProperty("year").GetInt32()).Select(h => Format(h.Date)));
                Assert.True(expected == actual, $"{name}\n  expected [{expected}]\n  actual   [{actual}]");
                break;
            default:
                Assert.Fail($"{name}: unknown kind '{kind}'.");
                break;
        }
    }

    private static void RunAdvice(JsonElement root, string name)
    {
        var calendar = new BusinessCalendar(ParseCalendar(root), ParsePolicy(root));
        var advice = EtiquetteEngine.Advise(ParseInterview(root), ParseEvents(root), calendar, DateTimeOf(root.GetProperty("now")));
        var primary = advice.Primary;
        var expect = root.GetProperty("expect").GetProperty("primary");

        var expectedText = $"step={expect.GetProperty("step").GetString()} opensAt={expect.GetProperty("opensAt").GetString()} closesAt={Closes(expect)}";
        var actualText = $"step={StepName(primary.Kind)} opensAt={Format(primary.OpensAt)} closesAt={(primary.ClosesAt is { } c ? Format(c) : "null")}";
        if (expect.TryGetProperty("overdue", out var overdue))
        {
            expectedText += $" overdue={(overdue.GetBoolean() ? "true" : "false")}";
            actualText += $" overdue={(primary.Overdue ? "true" : "false")}";
        }

        Assert.True(expectedText == actualText,
            $"{name}\n  expected {expectedText}\n  actual   {actualText}\n  ({primary.Rule}) {primary.Explanation.English}");

        var dump = Environment.GetEnvironmentVariable("FOLLOWUP_DUMP_EXPLANATIONS");
        if (!string.IsNullOrEmpty(dump))
        {
            File.AppendAllText(dump, $"{name}\n  {primary.Explanation.Japanese}\n  {primary.Explanation.English}\n");
        }

        // The primary-only fast path must agree with the full advice.
        Assert.Equal(primary, EtiquetteEngine.Primary(ParseInterview(root), ParseEvents(root), calendar, DateTimeOf(root.GetProperty("now"))));
        // …and so must the one that skips the explanation, in everything but the explanation.
        Assert.Equal(primary with { Explanation = LocalizedText.Empty },
            EtiquetteEngine.Primary(ParseInterview(root), ParseEvents(root), calendar, DateTimeOf(root.GetProperty("now")), explain: false));
    }

    private static string Closes(JsonElement expect) =>
        expect.TryGetProperty("closesAt", out var c) && c.ValueKind != JsonValueKind.Null ? c.GetString()! : "null";
}
