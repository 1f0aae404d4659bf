namespace Han.Live;

/// <summary>How one meter's live state is kept (from the configuration of <c>han run</c>).</summary>
public sealed record MeterStateOptions
{
    /// <summary>
    /// The current-transformer factor of a CT-connected meter (200/5 A gives 40): power, current and
    /// energy are multiplied by it; voltage, power factor and frequency are not. 1 for a direct meter.
    /// </summary>
    public int Scale { get; init; } = 1;

    /// <summary>Power readings further apart than this are not integrated over (a line that was down).</summary>
    public TimeSpan MaxGap { get; init; } = TimeSpan.FromMinutes(2);
}
