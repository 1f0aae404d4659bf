using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Han.Costs;
using Han.Pricing;

namespace Han.Integrations.Costs;

/// <summary>
/// The JSON of <c>han/&lt;meter&gt;/cost</c> (docs/mqtt.md, "The cost"): the cost now and so far, the
/// capacity step, the headroom and the hour's projection, in NOK including VAT. Every key is always
/// there; one han cannot know yet (no price before the prices are fetched, no step without a capacity
/// charge, no headroom on the top step) is <c>null</c>, which Home Assistant shows as unknown.
/// Money is rounded to 1/100 øre, prices to 1/1000 øre, energy to the Wh.
/// </summary>
public static class CostDocument
{
    private static readonly JsonWriterOptions Options = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The document, and the keys that have a value (for the entities Home Assistant may be told of).</summary>
    /// <param name="stepAtRisk">The alert's state with <c>grid.step_alert</c>, null without it (the key is left out).</param>
    public static (byte[] Json, IReadOnlyCollection<string> Known) Write(string meter, CostSnapshot snapshot, CurrentHour hour, TimeZoneInfo zone, bool? stepAtRisk)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(hour);
        ArgumentNullException.ThrowIfNull(zone);
        var known = new HashSet<string>(StringComparer.Ordinal);
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(snapshot.At, zone).DateTime);
            var (dayStart, _) = PeriodBounds.Of(new CostPeriod(today, today.AddDays(1)), zone);
            var (monthStart, _) = PeriodBounds.Of(new CostPeriod(new DateOnly(today.Year, today.Month, 1), today.AddDays(1)), zone);

            json.WriteStartObject();
            json.WriteString("meter", meter);
            json.WriteString("at", snapshot.At.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            json.WriteString("currency", "NOK");
            Number(json, known, "price_now", snapshot.PriceNow, 5);
            Number(json, known, "hour_cost", snapshot.HourCost, 4);
            Time(json, "hour_start", hour.Start, zone);
            Number(json, known, "day_cost", snapshot.DayCost, 4);
            Time(json, "day_start", dayStart, zone);
            Number(json, known, "month_cost", snapshot.Month.Total, 4);
            Time(json, "month_start", monthStart, zone);
            json.WriteNumber("month_missing_hours", snapshot.Month.MissingHours.Count);
            Text(json, known, "capacity_step", StepText(snapshot.Step, snapshot.StepUpToKwhPerHour));
            Number(json, known, "capacity_step_from_kwh", snapshot.Step?.FromKwhPerHour, 3);
            Number(json, known, "capacity_step_up_to_kwh", snapshot.StepUpToKwhPerHour, 3);
            Number(json, known, "capacity_step_nok_per_month", snapshot.StepNokPerMonth, 4);
            Number(json, known, "headroom_kwh", snapshot.HeadroomKwh, 3);
            Number(json, known, "hour_import_kwh", hour.ImportKwh, 3);
            Number(json, known, "hour_projected_kwh", hour.ProjectedKwh, 3);
            if (stepAtRisk is { } atRisk)
            {
                json.WriteBoolean("step_at_risk", atRisk);
                known.Add("step_at_risk");
            }

            json.WriteEndObject();
        }

        return (buffer.WrittenSpan.ToArray(), known);
    }

    /// <summary>The message on <c>han/&lt;meter&gt;/step_alert</c> when the alert goes on or off.</summary>
    public static byte[] WriteAlert(string meter, CostSnapshot snapshot, CurrentHour hour, TimeZoneInfo zone, StepAlertChange change)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(hour);
        ArgumentNullException.ThrowIfNull(change);
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            var ignored = new HashSet<string>();
            json.WriteStartObject();
            json.WriteString("meter", meter);
            json.WriteString("at", snapshot.At.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            json.WriteBoolean("step_at_risk", change.On);
            json.WriteString("reason", change.Reason);
            Time(json, "hour_start", hour.Start, zone);
            Number(json, ignored, "hour_import_kwh", hour.ImportKwh, 3);
            Number(json, ignored, "hour_projected_kwh", hour.ProjectedKwh, 3);
            Number(json, ignored, "limit_kwh", hour.ImportKwh + snapshot.HeadroomKwh, 3);
            Text(json, ignored, "capacity_step", StepText(snapshot.Step, snapshot.StepUpToKwhPerHour));
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The step as a tariff table writes it: <c>2-5 kWh/h</c>, or <c>15+ kWh/h</c> for the top step.</summary>
    public static string? StepText(CapacityStep? step, decimal? upTo) => step is null
        ? null
        : upTo is { } bound
            ? $"{Plain(step.FromKwhPerHour)}-{Plain(bound)} kWh/h"
            : $"{Plain(step.FromKwhPerHour)}+ kWh/h";

    /// <summary>Rounded half away from zero, as an invoice rounds.</summary>
    public static decimal Round(decimal value, int decimals) => decimal.Round(value, decimals, MidpointRounding.AwayFromZero);

    /// <summary>A number as the log and the step's text show it: at most three decimals, no trailing zeros.</summary>
    public static string Plain(decimal value) => Round(value, 3).ToString("0.###", CultureInfo.InvariantCulture);

    private static void Number(Utf8JsonWriter json, HashSet<string> known, string key, decimal? value, int decimals)
    {
        if (value is { } number)
        {
            // Divided by 1.000...: the same number without trailing zeros (0.75, not 0.750000).
            json.WriteNumber(key, Round(number, decimals) / 1.000000000000000000000000000000000m);
            known.Add(key);
        }
        else
        {
            json.WriteNull(key);
        }
    }

    private static void Text(Utf8JsonWriter json, HashSet<string> known, string key, string? value)
    {
        if (value is not null)
        {
            json.WriteString(key, value);
            known.Add(key);
        }
        else
        {
            json.WriteNull(key);
        }
    }

    /// <summary>A local time with its offset (<c>2026-08-12T14:00:00+02:00</c>): what Home Assistant's <c>last_reset</c> needs (a time without zone is refused).</summary>
    private static void Time(Utf8JsonWriter json, string key, DateTimeOffset instant, TimeZoneInfo zone) =>
        json.WriteString(key, TimeZoneInfo.ConvertTime(instant, zone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));
}
