using Microsoft.Data.Sqlite;

namespace FollowUp.Web.Tests.Data;

/// <summary>
/// A SQLite schema as comparable lines: tables, columns, primary keys, foreign keys and indexes, read from
/// sqlite_master and the PRAGMAs. Order-independent (columns and objects sorted by name).
/// </summary>
public static class SchemaSnapshot
{
    public static async Task<IReadOnlyList<string>> ReadAsync(string connectionString)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        var lines = new List<string>();
        var tables = await QueryAsync(connection,
            "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__EFMigrations%' ORDER BY name",
            r => (Name: r.GetString(0), Sql: r.IsDBNull(1) ? "" : r.GetString(1)));
        foreach (var (table, sql) in tables)
        {
            var autoincrement = sql.Contains("AUTOINCREMENT", StringComparison.OrdinalIgnoreCase);
            lines.Add($"table {table} autoincrement={autoincrement}");

            var columns = await QueryAsync(connection, $"PRAGMA table_info(\"{table}\")", r => new
            {
                Name = r.GetString(1),
                Type = r.GetString(2),
                NotNull = r.GetInt64(3) != 0,
                Default = r.IsDBNull(4) ? "<none>" : r.GetString(4),
                Pk = r.GetInt64(5),
            });
            foreach (var c in columns.OrderBy(c => c.Name, StringComparer.Ordinal))
            {
                lines.Add($"column {table}.{c.Name} type={c.Type} notnull={c.NotNull} default={c.Default} pk={c.Pk}");
            }
            var pk = columns.Where(c => c.Pk > 0).OrderBy(c => c.Pk).Select(c => c.Name);
            lines.Add($"primarykey {table} ({string.Join(", ", pk)})");

            var foreignKeys = await QueryAsync(connection, $"PRAGMA foreign_key_list(\"{table}\")", r => new
            {
                Id = r.GetInt64(0),
                Seq = r.GetInt64(1),
                Table = r.GetString(2),
                From = r.GetString(3),
                To = r.IsDBNull(4) ? "<pk>" : r.GetString(4),
                OnUpdate = r.GetString(5),
                OnDelete = r.GetString(6),
            });
            foreach (var fk in foreignKeys.GroupBy(f => f.Id))
            {
                var ordered = fk.OrderBy(f => f.Seq).ToList();
                lines.Add($"foreignkey {table} ({string.Join(", ", ordered.Select(f => f.From))}) -> {ordered[0].Table} "
                    + $"({string.Join(", ", ordered.Select(f => f.To))}) on_update={ordered[0].OnUpdate} on_delete={ordered[0].OnDelete}");
            }

            var indexes = await QueryAsync(connection, $"PRAGMA index_list(\"{table}\")", r => new
            {
                Name = r.GetString(1),
                Unique = r.GetInt64(2) != 0,
                Origin = r.GetString(3),
                Partial = r.GetInt64(4) != 0,
            });
            foreach (var index in indexes)
            {
                var indexColumns = await QueryAsync(connection, $"PRAGMA index_info(\"{index.Name}\")",
                    r => (Seq: r.GetInt64(0), Name: r.IsDBNull(2) ? "<expr>" : r.GetString(2)));
                lines.Add($"index {table}.{index.Name} unique={index.Unique} origin={index.Origin} partial={index.Partial} "
                    + $"({string.Join(", ", indexColumns.OrderBy(c => c.Seq).Select(c => c.Name))})");
            }
        }
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    /// <summary>Lines only in <paramref name="expected"/> (prefixed "-") and only in <paramref name="actual"/> (prefixed "+").</summary>
    public static IReadOnlyList<string> Diff(IReadOnlyList<string> expected, IReadOnlyList<string> actual)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        return
        [
            .. expected.Except(actual, StringComparer.Ordinal).Select(l => "- " + l),
            .. actual.Except(expected, StringComparer.Ordinal).Select(l => "+ " + l),
        ];
    }

    private static async Task<List<T>> QueryAsync<T>(SqliteConnection connection, string sql, Func<SqliteDataReader, T> map)
    {
        await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // table names come from sqlite_master, not from input
        command.CommandText = sql;
#pragma warning restore CA2100
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(map(reader));
        }
        return rows;
    }
}
