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

    public const string Valid = "15min, hour, day, month";

    public static AggregateResolution Parse(string name) =>
        TryParse(name, out var resolution) ? resolution : throw new FormatException($"'{name}' is not a resolution; valid: {Valid}");

    public static bool TryParse(string? name, out AggregateResolution resolution)
    {
        (var known, resolution) = name switch
        {
            "15min" => (true, AggregateResolution.FifteenMinutes),
            "hour" => (true, AggregateResolution.Hour),
            "day" => (true, AggregateResolution.Day),
            "month" => (true, AggregateResolution.Month),
            _ => (false, default),
        };
        return known;
    }
}
