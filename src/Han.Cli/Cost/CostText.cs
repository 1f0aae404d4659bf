using System.Globalization;
using System.Text;
using Han.Pricing;

namespace Han.Cli.Cost;

/// <summary>
/// han cost as text: the lines of the supplier's invoice, the grid company's and the support scheme's as
/// an invoice shows them (amounts in NOK including VAT where it applies), the totals, the capacity step
/// of each month with its three hours, and what the figures rest on.
/// </summary>
internal static class CostText
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Render(CostOutcome outcome, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var report = outcome.Report;
        var text = new StringBuilder();
        var what = outcome.Meter is null ? "consumption file" : outcome.Meter;
        text.Append(Invariant, $"Cost of {what} from {report.Period.From:yyyy-MM-dd} to {report.Period.To.AddDays(-1):yyyy-MM-dd}\n");
        text.Append(Invariant, $"{outcome.Settings.Describe()}\n");
        foreach (var (party, heading) in new[] { (Party.Supplier, "Strømleverandør (supplier)"), (Party.Grid, "Nettselskap (grid company)"), (Party.Support, "Støtte (support scheme, on the grid invoice)") })
        {
            var lines = report.LinesOf(party).ToList();
            if (lines.Count == 0)
            {
                continue;
            }

            text.Append('\n').Append(Invariant, $"{heading,-44}{"quantity",14}{"NOK/unit",11}{"NOK",11}\n");
            foreach (var line in lines)
            {
                var estimated = line.EstimatedQuantity == 0m ? string.Empty : $"  ({Number(line.EstimatedQuantity, 3)} kWh estimated)";
                text.Append(Invariant, $"  {Cut(line.Item, 42),-42}{Number(line.Quantity, 3),10} {line.Unit,-5}{Number(line.UnitPrice, 4),9}{Number(line.Amount, 2),11}{estimated}\n");
            }

            text.Append(Invariant, $"  {"Sum",-42}{string.Empty,27}{Number(lines.Sum(l => l.Amount), 2),11}\n");
        }

        text.Append('\n').Append(Invariant, $"{"Total (NOK, incl. VAT where it applies)",-71}{Number(report.Total, 2),11}\n");
        text.Append(Invariant, $"{"  of which VAT",-71}{Number(report.VatTotal, 2),11}\n");
        foreach (var month in report.Capacity)
        {
            AppendCapacity(text, month, zone);
        }

        AppendRemarks(text, report);
        return text.ToString();
    }

    private static void AppendCapacity(StringBuilder text, CapacityMonth month, TimeZoneInfo zone)
    {
        text.Append('\n').Append(Invariant, $"Capacity step {month.Year:0000}-{month.Month:00}: average of the top hours {Number(month.AverageKwh, 3)} kWh/h\n");
        foreach (var peak in month.Peaks)
        {
            var local = TimeZoneInfo.ConvertTime(peak.Start, zone);
            text.Append(Invariant, $"  {local:yyyy-MM-dd HH:mm}  {Number(peak.Kwh, 3)} kWh\n");
        }

        foreach (var segment in month.Segments)
        {
            var step = segment.StepToKwhPerHour is { } to ? $"{Number(segment.StepFromKwhPerHour, 0)}–{Number(to, 0)} kWh/h" : $"≥ {Number(segment.StepFromKwhPerHour, 0)} kWh/h";
            text.Append(Invariant, $"  step {step}: {Number(segment.Line.Amount, 2)} NOK for {segment.Days} of {segment.DaysInMonth} days\n");
        }

        if (month.ExcludedEstimatedHours.Count > 0)
        {
            text.Append(Invariant, $"  {month.ExcludedEstimatedHours.Count} estimated hour(s) left out of the step\n");
        }
    }

    private static void AppendRemarks(StringBuilder text, CostReport report)
    {
        var assumed = report.Used.Where(u => u.Assumed).ToList();
        if (report.Notes.Count == 0 && assumed.Count == 0)
        {
            return;
        }

        text.Append("\nNotes\n");
        foreach (var note in report.Notes)
        {
            text.Append("  - ").Append(note).Append('\n');
        }

        foreach (var used in assumed)
        {
            text.Append(Invariant, $"  - assumed {used.Name} = {used.Value} ({used.Source})\n");
        }
    }

    private static string Cut(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "…";

    private static string Number(decimal value, int decimals) => value.ToString("F" + decimals.ToString(Invariant), Invariant);
}
