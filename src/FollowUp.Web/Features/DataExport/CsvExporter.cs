using System.Globalization;
using System.Text;
using FollowUp.Web.Features.Applications;
using FollowUp.Web.Infrastructure;
using Microsoft.Extensions.Localization;

namespace FollowUp.Web.Features.DataExport;

/// <summary>The CSV export: one row per application with its next step, as the signed-in user's application list shows it.</summary>
public sealed class CsvExporter(ApplicationService applications)
{
    /// <summary>One row per application with its next step, in the current UI language (UTF-8 with BOM, for Excel).</summary>
    public async Task<byte[]> ExportCsvAsync(IStringLocalizer l, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(l);
        var rows = await applications.ListAsync(ct);
        var csv = new StringBuilder();
        AppendRow(csv, [
            l["Csv.Company"], l["Csv.Position"], l["Csv.Route"], l["Csv.Agency"], l["Csv.LatestInterview"],
            l["Csv.NextStep"], l["Csv.From"], l["Csv.Until"], l["Csv.Overdue"], l["Csv.Events"], l["Csv.UpdatedUtc"]]);
        foreach (var row in rows)
        {
            var step = row.Advice.Primary;
            AppendRow(csv, [
                row.Company,
                row.Position,
                l.Of(row.Route),
                row.AgencyName,
                row.LatestInterviewAt is { } at ? DateText.Iso(at) : null,
                step is null ? l["Csv.NoStep"].Value : l[$"Step.{step.Kind}"].Value,
                step?.OpensAt is { } from ? DateText.Iso(from) : null,
                step?.ClosesAt is { } until ? DateText.Iso(until) : null,
                step is { Overdue: true } ? l["Csv.Yes"].Value : null,
                row.EventCount.ToString(CultureInfo.InvariantCulture),
                DateText.Iso(row.UpdatedAtUtc)]);
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    private static void AppendRow(StringBuilder csv, string?[] cells)
    {
        csv.AppendJoin(',', cells.Select(Cell)).Append("\r\n");
    }

    /// <summary>Quotes every cell; a leading = + - @ tab or CR gets a ' so spreadsheets do not run it as a formula.</summary>
    internal static string Cell(string? value)
    {
        var text = value ?? "";
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            text = "'" + text;
        }
        return "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
