using System.Globalization;
using System.Text.Json;
using Han.Costs;
using Han.Pricing;
using Han.Storage.Queries;

namespace Han.Web;

/// <summary>
/// <c>/api/meters/{name}/cost</c>: what the electricity costs now and so far (<see cref="CostSnapshot"/>),
/// in NOK including VAT where it applies. Prices per kWh keep six decimals (a hundredth of an øre, so the
/// dashboard and a script can recompute an amount from them); the hour's and the day's cost are rounded to
/// the øre, as the invoice lines are.
/// </summary>
internal static class CostAnswer
{
    private const int PriceDecimals = 6;
    private const int MoneyDecimals = 2;

    public static void Write(Utf8JsonWriter writer, string meter, TimeZoneInfo zone, CostSnapshot cost)
    {
        writer.WriteStartObject();
        writer.WriteString("meter", meter);
        writer.WriteString("zone", zone.Id);
        writer.WriteString("at", HistoryTime.ToIso(cost.At, zone));
        JsonColumns.NumberOrNull(writer, "price_now", Round(cost.PriceNow, PriceDecimals));
        JsonColumns.NumberOrNull(writer, "hour_cost", Round(cost.HourCost, MoneyDecimals));
        writer.WriteNumber("day_cost", decimal.Round(cost.DayCost, MoneyDecimals));
        WriteMonth(writer, cost.Month);
        WriteCapacity(writer, cost);
        writer.WriteStartArray("today");
        foreach (var hour in cost.Today)
        {
            writer.WriteStartObject();
            writer.WriteString("start", HistoryTime.ToIso(hour.Start, zone));
            JsonColumns.NumberOrNull(writer, "all_in", Round(hour.AllInNokPerKwh, PriceDecimals));
            JsonColumns.NumberOrNull(writer, "spot", Round(hour.SpotNokPerKwh, PriceDecimals));
            JsonColumns.NumberOrNull(writer, "import_kwh", hour.ImportKwh);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>The month's invoice so far, as <c>han cost --format json</c> writes its lines (DESIGN.md §2.3).</summary>
    private static void WriteMonth(Utf8JsonWriter writer, CostReport month)
    {
        writer.WriteStartObject("month");
        writer.WriteString("from", month.Period.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        writer.WriteString("to", month.Period.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        writer.WriteStartArray("lines");
        foreach (var line in month.Lines)
        {
            writer.WriteStartObject();
            writer.WriteString("party", PartyNames.Of(line.Party));
            writer.WriteString("item", line.Item);
            writer.WriteNumber("quantity", decimal.Round(line.Quantity, PriceDecimals));
            writer.WriteString("unit", line.Unit);
            writer.WriteNumber("unit_price", decimal.Round(line.UnitPrice, PriceDecimals));
            writer.WriteNumber("amount", line.Amount);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteNumber("supplier_total", month.SupplierTotal);
        writer.WriteNumber("grid_total", month.GridTotal);
        writer.WriteNumber("support_total", month.SupportTotal);
        writer.WriteNumber("total", month.Total);
        writer.WriteNumber("unpriced_intervals", month.UnpricedIntervals.Count);
        writer.WriteStartArray("notes");
        foreach (var note in month.Notes)
        {
            writer.WriteStringValue(note);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>The step the month is on and the hour's headroom; null where the tariff has no capacity charge.</summary>
    private static void WriteCapacity(Utf8JsonWriter writer, CostSnapshot cost)
    {
        if (cost.Step is not { } step)
        {
            writer.WriteNull("capacity");
            return;
        }

        writer.WriteStartObject("capacity");
        writer.WriteNumber("step_from", step.FromKwhPerHour);
        JsonColumns.NumberOrNull(writer, "step_to", cost.StepUpToKwhPerHour);
        JsonColumns.NumberOrNull(writer, "step_nok_per_month", Round(cost.StepNokPerMonth, MoneyDecimals));
        JsonColumns.NumberOrNull(writer, "headroom_kwh", Round(cost.HeadroomKwh, PriceDecimals));
        writer.WriteEndObject();
    }

    private static decimal? Round(decimal? value, int decimals) => value is { } known ? decimal.Round(known, decimals) : null;
}
