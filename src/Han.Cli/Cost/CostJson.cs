using System.Text.Json;
using Han.Costs;
using Han.Pricing;

namespace Han.Cli.Cost;

/// <summary>
/// han cost's JSON (DESIGN.md §2.3): one object with the invoice <c>lines</c>, the <c>capacity</c> of each
/// month, the totals in NOK including VAT where it applies (each the sum of its lines, rounded to the øre
/// per line), and what the figures rest on: hours estimated or missing, intervals without a price, the
/// rates and settings used.
/// </summary>
internal static class CostJson
{
    public static void Write(Stream output, CostOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var report = outcome.Report;
        using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        writer.WriteStartObject();
        if (outcome.Meter is not null)
        {
            writer.WriteString("meter", outcome.Meter);
        }

        writer.WriteString("from", report.Period.From.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        writer.WriteString("to", report.Period.To.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        writer.WriteString("zone", outcome.Settings.Zone.Code);
        writer.WriteString("currency", "NOK");
        writer.WriteStartArray("lines");
        foreach (var line in report.Lines)
        {
            writer.WriteStartObject();
            writer.WriteString("party", PartyNames.Of(line.Party));
            writer.WriteString("item", line.Item);
            writer.WriteNumber("quantity", line.Quantity);
            writer.WriteString("unit", line.Unit);
            writer.WriteNumber("unit_price", line.UnitPrice);
            writer.WriteNumber("amount", line.Amount);
            writer.WriteNumber("vat", line.Vat);
            writer.WriteNumber("estimated_quantity", line.EstimatedQuantity);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("capacity");
        foreach (var month in report.Capacity)
        {
            WriteCapacity(writer, month);
        }

        writer.WriteEndArray();
        writer.WriteNumber("supplier_total", report.SupplierTotal);
        writer.WriteNumber("grid_total", report.GridTotal);
        writer.WriteNumber("support_total", report.SupportTotal);
        writer.WriteNumber("total", report.Total);
        writer.WriteNumber("vat_total", report.VatTotal);
        WriteTimes(writer, "missing_hours", report.MissingHours);
        WriteTimes(writer, "unpriced_intervals", report.UnpricedIntervals);
        writer.WriteStartArray("used");
        foreach (var used in report.Used)
        {
            writer.WriteStartObject();
            writer.WriteString("name", used.Name);
            writer.WriteString("value", used.Value);
            writer.WriteString("source", used.Source);
            writer.WriteBoolean("assumed", used.Assumed);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("notes");
        foreach (var note in report.Notes)
        {
            writer.WriteStringValue(note);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.Flush();
        output.Write("\n"u8);
    }

    private static void WriteCapacity(Utf8JsonWriter writer, CapacityMonth month)
    {
        writer.WriteStartObject();
        writer.WriteString("month", $"{month.Year:0000}-{month.Month:00}");
        writer.WriteStartArray("peaks");
        foreach (var peak in month.Peaks)
        {
            writer.WriteStartObject();
            writer.WriteString("start", peak.Start);
            writer.WriteNumber("kwh", peak.Kwh);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteNumber("average_kwh", month.AverageKwh);
        writer.WriteStartArray("steps");
        foreach (var segment in month.Segments)
        {
            writer.WriteStartObject();
            writer.WriteNumber("from_kwh", segment.StepFromKwhPerHour);
            if (segment.StepToKwhPerHour is { } to)
            {
                writer.WriteNumber("to_kwh", to);
            }
            else
            {
                writer.WriteNull("to_kwh");
            }

            writer.WriteNumber("days", segment.Days);
            writer.WriteNumber("amount", segment.Line.Amount);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteNumber("amount", month.Amount);
        WriteTimes(writer, "excluded_estimated_hours", month.ExcludedEstimatedHours);
        writer.WriteEndObject();
    }

    private static void WriteTimes(Utf8JsonWriter writer, string name, IEnumerable<DateTimeOffset> times)
    {
        writer.WriteStartArray(name);
        foreach (var time in times)
        {
            writer.WriteStringValue(time.ToUniversalTime());
        }

        writer.WriteEndArray();
    }
}
