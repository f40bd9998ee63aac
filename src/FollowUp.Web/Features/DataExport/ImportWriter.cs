using System.Data.Common;
using FollowUp.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace FollowUp.Web.Features.DataExport;

/// <summary>
/// Writes imported applications inside the caller's transaction: the applications through EF Core (for their ids),
/// their closures, interviews, events, script answers and edited scripts through one prepared command per table. EF Core spent about 140 µs and
/// several KB per row on 20,000 events (a new statement each, every entity tracked); a prepared insert costs a few
/// µs, so the largest file an import accepts is written in a fraction of a second (docs/performance.md, "Import").
/// The values are bound as EF Core binds them (on SQLite dates as ISO text, enums as integers; on PostgreSQL dates as
/// timestamps without zone), and the data-version triggers fire as for any other write. The commands are plain ADO.NET
/// with <c>@name</c> parameters, which both providers read.
/// </summary>
internal static class ImportWriter
{
    public static async Task WriteAsync(FollowUpDbContext db, IReadOnlyList<ImportedApplication> imported, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(imported);
        var rows = imported.Select(i => i.Application).ToList();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("The import writes inside its transaction.");
        var children = rows.Select(r => (r.Closures, r.Interviews, r.Events)).ToList();
        foreach (var row in rows)
        {
            row.Closures = [];
            row.Interviews = [];
            row.Events = [];
        }
        db.Applications.AddRange(rows);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();

        var connection = db.Database.GetDbConnection();
        await using var closures = Command(connection, transaction,
            "INSERT INTO \"ApplicationClosures\" (\"ApplicationId\", \"From\", \"To\") VALUES (@a, @from, @to)", "a", "from", "to");
        await using var interviews = Command(connection, transaction,
            """
            INSERT INTO "Interviews" ("ApplicationId", "OwnerId", "At", "Stage", "PromiseKind", "PromiseDate", "PromiseCount",
                "ContactsSuccessfulOnly", "Notes", "CreatedAtUtc")
            VALUES (@a, @owner, @at, @stage, @kind, @date, @count, @successful, @notes, @created)
            """, "a", "owner", "at", "stage", "kind", "date", "count", "successful", "notes", "created");
        await using var events = Command(connection, transaction,
            """
            INSERT INTO "ContactEvents" ("ApplicationId", "OwnerId", "Kind", "At", "Voicemail", "CallOutcome", "CallPurpose",
                "EmailPurpose", "Channel", "ResultOutcome", "NewDate", "Note", "CreatedAtUtc")
            VALUES (@a, @owner, @kind, @at, @voicemail, @outcome, @purpose, @email, @channel, @result, @new, @note, @created)
            """, "a", "owner", "kind", "at", "voicemail", "outcome", "purpose", "email", "channel", "result", "new", "note", "created");
        await using var answers = Command(connection, transaction,
            """
            INSERT INTO "ScriptAnswers" ("ApplicationId", "OwnerId", "LateReason", "ReachableTimes", "LearnedInInterview",
                "MessageMayNotHaveReached", "WritesInEnglish", "UpdatedAtUtc")
            VALUES (@a, @owner, @late, @reachable, @learned, @reached, @english, @updated)
            """, "a", "owner", "late", "reachable", "learned", "reached", "english", "updated");
        await using var drafts = Command(connection, transaction,
            """
            INSERT INTO "ScriptDrafts" ("ApplicationId", "OwnerId", "Kind", "Language", "Subject", "Body", "UpdatedAtUtc")
            VALUES (@a, @owner, @kind, @language, @subject, @body, @updated)
            """, "a", "owner", "kind", "language", "subject", "body", "updated");

        for (var n = 0; n < rows.Count; n++)
        {
            var app = rows[n];
            var (appClosures, appInterviews, appEvents) = children[n];
            foreach (var c in appClosures)
            {
                c.ApplicationId = app.Id;
                await RunAsync(closures, ct, app.Id, c.From, c.To);
            }
            foreach (var i in appInterviews)
            {
                i.ApplicationId = app.Id;
                await RunAsync(interviews, ct, app.Id, i.OwnerId, i.At, (int)i.Stage, (int)i.PromiseKind, i.PromiseDate, i.PromiseCount,
                    i.ContactsSuccessfulOnly, i.Notes, i.CreatedAtUtc);
            }
            foreach (var e in appEvents)
            {
                e.ApplicationId = app.Id;
                await RunAsync(events, ct, app.Id, e.OwnerId, (int)e.Kind, e.At, (int?)e.Voicemail, (int?)e.CallOutcome, (int?)e.CallPurpose,
                    (int?)e.EmailPurpose, (int?)e.Channel, (int?)e.ResultOutcome, e.NewDate, e.Note, e.CreatedAtUtc);
            }
            if (imported[n].ScriptAnswers is { } s)
            {
                s.ApplicationId = app.Id;
                await RunAsync(answers, ct, app.Id, s.OwnerId, s.LateReason, s.ReachableTimes, s.LearnedInInterview,
                    s.MessageMayNotHaveReached, s.WritesInEnglish, s.UpdatedAtUtc);
            }
            foreach (var d in imported[n].ScriptDrafts)
            {
                // The kind is stored by name, as EF Core stores it (HasConversion<string>).
                d.ApplicationId = app.Id;
                await RunAsync(drafts, ct, app.Id, d.OwnerId, d.Kind.ToString(), d.Language, d.Subject, d.Body, d.UpdatedAtUtc);
            }
            // Put the graph back: the caller reports the counts from it.
            app.Closures = appClosures;
            app.Interviews = appInterviews;
            app.Events = appEvents;
        }
    }

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in names)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            command.Parameters.Add(parameter);
        }
        if (connection is SqliteConnection)
        {
            // Prepared once, run per row. PostgreSQL is left unprepared: its parameter types come from each row's values
            // (a null first value would fix a type the next row contradicts).
            command.Prepare();
        }
        return command;
    }

    private static async Task RunAsync(DbCommand command, CancellationToken ct, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            // Wall-clock and UTC times alike are stored without a zone, as EF Core stores them (ADR 0006, 0021).
            command.Parameters[i].Value = values[i] switch
            {
                null => DBNull.Value,
                DateTime d => DateTime.SpecifyKind(d, DateTimeKind.Unspecified),
                var v => v,
            };
        }
        await command.ExecuteNonQueryAsync(ct);
    }
}
