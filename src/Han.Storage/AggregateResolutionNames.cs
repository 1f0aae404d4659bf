namespace Han.Storage;

/// <summary>The names resolutions have in the store and in exports.</summary>
public static class AggregateResolutionNames
{
    public static string ToName(this AggregateResolution resolution) => resolution switch
    {
        AggregateResolution.FifteenMinutes => "15min",
        AggregateResolution.Hour => "hour",
        AggregateResolution.Day => "day",
        AggregateResolution.Month => "month",
        _ => throw new ArgumentOutOfRangeException(nameof(resolution), resolution, "not a resolution"),
    };

    public static AggregateResolution Parse(string name) => name switch
    {
        "15min" => AggregateResolution.FifteenMinutes,
        "hour" => AggregateResolution.Hour,
        "day" => AggregateResolution.Day,
        "month" => AggregateResolution.Month,
        _ => throw new FormatException($"'{name}' is not a resolution; valid: 15min, hour, day, month"),
    };
}
