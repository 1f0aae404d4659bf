using System.Text.Json;
using Han.Storage;
using Han.Storage.Queries;

namespace Han.Web;

/// <summary>
/// <c>/api/meters/{name}/energy</c>: a meter's stored energy aggregates of one resolution as columns,
/// one entry per stored period (a period with no aggregate is absent, not invented), with the totals
/// and how many periods were estimated or flagged.
/// </summary>
internal static class EnergyAnswer
{
    public static void Write(Utf8JsonWriter writer, string meter, AggregateResolution resolution, HistoryRange range, TimeZoneInfo zone, IReadOnlyList<EnergyAggregate> periods)
    {
        writer.WriteStartObject();
        writer.WriteString("meter", meter);
        writer.WriteString("resolution", resolution.ToName());
        writer.WriteString("zone", zone.Id);
        writer.WriteString("from", HistoryTime.ToIso(range.From, zone));
        writer.WriteString("to", HistoryTime.ToIso(range.To, zone));
        JsonColumns.UnixSeconds(writer, "start", periods, p => p.Start);
        JsonColumns.Numbers(writer, "import_kwh", periods, p => p.ImportKwh);
        JsonColumns.Numbers(writer, "export_kwh", periods, p => p.ExportKwh);
        JsonColumns.Booleans(writer, "exact", periods, p => p.Exact);
        JsonColumns.Texts(writer, "flags", periods, p => p.Flags);
        JsonColumns.NumberOrNull(writer, "total_import_kwh", Total(periods, p => p.ImportKwh));
        JsonColumns.NumberOrNull(writer, "total_export_kwh", Total(periods, p => p.ExportKwh));
        writer.WriteNumber("estimated_periods", periods.Count(p => !p.Exact));
        writer.WriteNumber("flagged_periods", periods.Count(p => p.Flags is not null));
        writer.WriteEndObject();
    }

    /// <summary>The sum of the known values; null when none is known (never 0 for "nothing stored").</summary>
    private static decimal? Total(IReadOnlyList<EnergyAggregate> periods, Func<EnergyAggregate, decimal?> value)
    {
        decimal? total = null;
        foreach (var period in periods)
        {
            if (value(period) is { } kwh)
            {
                total = (total ?? 0) + kwh;
            }
        }

        return total;
    }
}
