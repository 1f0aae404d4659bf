using Han.Storage;

namespace Han.Cli.Export;

/// <summary>What <c>han export</c> writes: the raw lists, the per-minute power, or energy aggregates of one resolution.</summary>
internal enum ExportResolution
{
    Raw,
    Minute,
    FifteenMinutes,
    Hour,
    Day,
    Month,
}

internal static class ExportResolutions
{
    public const string Valid = "raw, minute, 15min, hour, day, month";

    public static bool TryParse(string? text, out ExportResolution resolution)
    {
        (var known, resolution) = text switch
        {
            "raw" => (true, ExportResolution.Raw),
            "minute" => (true, ExportResolution.Minute),
            _ when AggregateResolutionNames.TryParse(text, out var aggregate) => (true, FromAggregate(aggregate)),
            _ => (false, default),
        };
        return known;
    }

    /// <summary>The aggregate resolution of an energy export; null for raw lists and minutes.</summary>
    public static AggregateResolution? Aggregate(this ExportResolution resolution) => resolution switch
    {
        ExportResolution.FifteenMinutes => AggregateResolution.FifteenMinutes,
        ExportResolution.Hour => AggregateResolution.Hour,
        ExportResolution.Day => AggregateResolution.Day,
        ExportResolution.Month => AggregateResolution.Month,
        _ => null,
    };

    private static ExportResolution FromAggregate(AggregateResolution aggregate) => aggregate switch
    {
        AggregateResolution.FifteenMinutes => ExportResolution.FifteenMinutes,
        AggregateResolution.Hour => ExportResolution.Hour,
        AggregateResolution.Day => ExportResolution.Day,
        _ => ExportResolution.Month,
    };
}
