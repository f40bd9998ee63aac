using System.Buffers;
using System.Text.Json;
using FollowUp.Web.Features.Applications;
using FollowUp.Web.Infrastructure;

namespace FollowUp.Web.Features.DataExport;

/// <summary>
/// One pass over an import file, read as a stream in small chunks, that builds nothing: it checks the file is JSON
/// and counts every list the import would build (applications; each application's interviews, events, closures,
/// closed weekdays and edited scripts; the defaults' weekdays) before anything is deserialized, so a 5 MB file of a million empty
/// items is refused in milliseconds instead of becoming a million objects and millions of problems.
/// </summary>
internal sealed class ImportScan
{
    /// <summary>Most extra closures one application may carry (its closure text holds at most about 180).</summary>
    public const int MaxClosuresPerApplication = 200;

    /// <summary>Most edited scripts one application may carry: one per script kind and language.</summary>
    public static readonly int MaxScriptDraftsPerApplication = Enum.GetValues<FollowUp.Domain.Scripts.ScriptKind>().Length * ImportMapping.ScriptLanguages.Length;

    /// <summary>Most interviews, events and closures one file may carry in all.</summary>
    public const int MaxRowsPerImport = 20_000;

    private const int MaxPropertyNameBytes = 64;

    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = ExportDocument.JsonOptions.MaxDepth };

    private readonly Stack<Frame> _frames = new();

    private ImportScan()
    {
    }

    /// <summary>Bytes read (stops counting shortly after the limit).</summary>
    public long Bytes { get; private set; }

    /// <summary>Whether the file is larger than the limit.</summary>
    public bool TooLarge { get; private set; }

    /// <summary>The largest <c>applications</c> list in the file.</summary>
    public int Applications { get; private set; }

    /// <summary>Interviews, events and closures in all.</summary>
    public int Rows { get; private set; }

    /// <summary>Where the JSON breaks, if it does.</summary>
    public (string Path, long Line)? SyntaxError { get; private set; }

    /// <summary>Lists over their limits (at most <see cref="DataImporter.MaxProblemsReported"/>), and how many in all.</summary>
    public ImportProblems Problems { get; } = new();

    /// <summary>Reads <paramref name="stream"/> to its end (or to <paramref name="maxBytes"/> and a little more).</summary>
    public static async Task<ImportScan> ReadAsync(Stream stream, long maxBytes, CancellationToken ct)
    {
        var scan = new ImportScan();
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            var state = new JsonReaderState(ReaderOptions);
            var kept = 0;
            var first = true;
            while (true)
            {
                if (kept == buffer.Length)
                {
                    // One token (a long string) is larger than the buffer: grow it; the size limit bounds it.
                    var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, kept).CopyTo(bigger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                }
                var read = await stream.ReadAsync(buffer.AsMemory(kept), ct);
                scan.Bytes += read;
                if (scan.Bytes > maxBytes)
                {
                    scan.TooLarge = true;
                    return scan;
                }
                var final = read == 0;
                var start = 0;
                var length = kept + read;
                if (first && length >= 3 || final)
                {
                    // A UTF-8 byte-order mark (Windows editors write one) is not part of the JSON.
                    if (first && buffer.AsSpan(0, length).StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
                    {
                        start = 3;
                    }
                    first = false;
                }
                else if (first)
                {
                    kept = length;
                    continue;
                }
                var consumed = scan.Parse(buffer.AsSpan(start, length - start), final, ref state);
                if (scan.SyntaxError is not null || final)
                {
                    return scan;
                }
                kept = length - start - consumed;
                buffer.AsSpan(start + consumed, kept).CopyTo(buffer);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Reads the complete tokens of <paramref name="data"/>; returns the bytes consumed.</summary>
    private int Parse(ReadOnlySpan<byte> data, bool final, ref JsonReaderState state)
    {
        var reader = new Utf8JsonReader(data, final, state);
        try
        {
            while (reader.Read())
            {
                Token(ref reader);
            }
        }
        catch (JsonException e)
        {
            SyntaxError = (Path(), (e.LineNumber ?? 0) + 1);
        }
        state = reader.CurrentState;
        return (int)reader.BytesConsumed;
    }

    private void Token(ref Utf8JsonReader reader)
    {
        var parent = _frames.Count > 0 ? _frames.Peek() : null;
        switch (reader.TokenType)
        {
            case JsonTokenType.PropertyName:
                parent!.Property = reader.ValueSpan.Length <= MaxPropertyNameBytes ? reader.GetString() : null;
                return;
            case JsonTokenType.EndObject:
                EndObject(_frames.Pop());
                return;
            case JsonTokenType.EndArray:
                EndArray(_frames.Pop());
                return;
        }
        // A value: an element of the enclosing list, if any.
        if (parent is { IsArray: true })
        {
            parent.Count++;
        }
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            _frames.Push(new Frame(false, ObjectRole(parent), parent?.Role == Role.Applications ? parent.Count : parent?.Application ?? 0));
        }
        else if (reader.TokenType == JsonTokenType.StartArray)
        {
            _frames.Push(new Frame(true, ArrayRole(parent), parent?.Application ?? 0));
        }
        else if (reader.TokenType == JsonTokenType.String && parent is { Role: Role.Application } && Is(parent.Property, "company")
                 && reader.ValueSpan.Length <= 4 * FollowUp.Web.Data.FollowUpDbContext.Limits.ShortText)
        {
            parent.Company = reader.GetString();
        }
    }

    private static Role ObjectRole(Frame? parent) => parent switch
    {
        null => Role.Root,
        { Role: Role.Applications } => Role.Application,
        { Role: Role.Root } when Is(parent.Property, "defaults") => Role.Defaults,
        _ => Role.Other,
    };

    private static Role ArrayRole(Frame? parent) => parent switch
    {
        { Role: Role.Root } when Is(parent.Property, "applications") => Role.Applications,
        { Role: Role.Application } when Is(parent.Property, "interviews") => Role.Interviews,
        { Role: Role.Application } when Is(parent.Property, "events") => Role.Events,
        { Role: Role.Application } when Is(parent.Property, "closures") => Role.Closures,
        { Role: Role.Application or Role.Defaults } when Is(parent.Property, "closedWeekdays") => Role.Weekdays,
        { Role: Role.Application } when Is(parent.Property, "scriptDrafts") => Role.ScriptDrafts,
        _ => Role.Other,
    };

    private void EndArray(Frame list)
    {
        var (limit, key) = list.Role switch
        {
            Role.Applications => (ApplicationService.MaxApplicationsPerUser, ""),
            Role.Interviews => (DataImporter.MaxInterviewsPerApplication, "Import.TooManyInterviews"),
            Role.Events => (ApplicationService.MaxEventsPerApplication, "Import.TooManyEvents"),
            Role.Closures => (MaxClosuresPerApplication, "Import.TooManyClosures"),
            Role.Weekdays => (7, "Import.TooManyWeekdays"),
            Role.ScriptDrafts => (MaxScriptDraftsPerApplication, "Import.TooManyScriptDrafts"),
            _ => (int.MaxValue, ""),
        };
        if (list.Role == Role.Applications)
        {
            Applications = Math.Max(Applications, list.Count);
            return;
        }
        if (list.Role is Role.Interviews or Role.Events or Role.Closures)
        {
            // A list over its own limit is reported as such; the total counts what each list may hold.
            Rows += Math.Min(list.Count, limit);
        }
        if (list.Count > limit)
        {
            var owner = _frames.Count > 0 ? _frames.Peek() : null;
            var problem = new FieldError(list.Role.ToString(), key, list.Count, limit);
            if (owner is { Role: Role.Application })
            {
                owner.Pending.Add(problem); // named once the application's company is known
            }
            else
            {
                Problems.Add(new ImportProblem(null, null, owner?.Role == Role.Defaults ? "defaults" : null, null, problem));
            }
        }
    }

    private void EndObject(Frame item)
    {
        foreach (var problem in item.Pending)
        {
            Problems.Add(new ImportProblem(item.Application, item.Company, null, null, problem));
        }
    }

    /// <summary>Where the reader is, as a JSON path (for the "not valid JSON" message).</summary>
    private string Path()
    {
        var path = new System.Text.StringBuilder("$");
        foreach (var frame in _frames.Reverse())
        {
            if (frame.IsArray)
            {
                path.Append('[').Append(Math.Max(0, frame.Count - 1)).Append(']');
            }
            else if (frame.Property is not null)
            {
                path.Append('.').Append(frame.Property);
            }
        }
        return path.ToString();
    }

    // The serializer matches property names without regard to case (JsonSerializerDefaults.Web), so the scan does too.
    private static bool Is(string? name, string expected) => string.Equals(name, expected, StringComparison.OrdinalIgnoreCase);

    private enum Role
    {
        Other,
        Root,
        Applications,
        Application,
        Defaults,
        Interviews,
        Events,
        Closures,
        Weekdays,
        ScriptDrafts,
    }

    private sealed class Frame(bool isArray, Role role, int application)
    {
        public bool IsArray { get; } = isArray;
        public Role Role { get; } = role;

        /// <summary>1-based position of the application this frame is in (0 outside applications).</summary>
        public int Application { get; } = application;

        public int Count { get; set; }
        public string? Property { get; set; }
        public string? Company { get; set; }
        public List<FieldError> Pending { get; } = [];
    }
}
