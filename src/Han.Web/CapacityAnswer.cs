using System.Globalization;
using System.Text.Json;
using Han.Costs;
using Han.Storage;
using Han.Storage.Queries;
using Han.Trust;

namespace Han.Web;

/// <summary><c>/api/meters/{name}/capacity</c>: the month's three peaks, their mean, and the hour under way against them.</summary>
internal static class CapacityAnswer
{
    public static void Write(Utf8JsonWriter writer, DateOnly month, TimeZoneInfo zone, IReadOnlyList<EnergyAggregate> hours, CurrentHour? current)
    {
        var byStart = hours.ToDictionary(h => h.Start);
        var basis = CapacityReckoning.Basis(hours.Select(h => CapacityReckoning.ToRow(h, zone)), month, zone);
        writer.WriteStartObject();
        writer.WriteString("month", month.ToString("yyyy-MM", CultureInfo.InvariantCulture));
        writer.WriteString("zone", zone.Id);
        JsonColumns.NumberOrNull(writer, "basis_kwh", basis.MeanKwh is { } mean ? decimal.Round(mean, 6) : null);
        writer.WriteStartArray("peaks");
        foreach (var peak in basis.Peaks)
        {
            writer.WriteStartObject();
            writer.WriteString("day", peak.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            writer.WriteString("start", HistoryTime.ToIso(peak.StartUtc, zone));
            writer.WriteNumber("import_kwh", peak.ImportKwh);
            writer.WriteBoolean("exact", peak.Source == EnergySource.Exact);
            JsonColumns.TextOrNull(writer, "flags", byStart[peak.StartUtc].Flags);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        if (current is null)
        {
            writer.WriteNull("current_hour");
        }
        else
        {
            writer.WriteStartObject("current_hour");
            writer.WriteString("start", HistoryTime.ToIso(current.Start, zone));
            writer.WriteNumber("import_kwh", current.ImportKwh);
            writer.WriteString("source", current.Source);
            writer.WriteNumber("elapsed_s", current.ElapsedSeconds);
            writer.WriteNumber("power_w", current.PowerWatts);
            writer.WriteNumber("projected_kwh", current.ProjectedKwh);
            writer.WriteBoolean("raises_basis", current.RaisesBasis);
            writer.WriteEndObject();
        }

        writer.WriteNumber("flagged_hours", hours.Count(h => h.Flags is not null));
        writer.WriteEndObject();
    }
}
