namespace Han.Trust;

/// <summary>
/// The tolerances of the rules (docs/trust.md says why each default is what it is) and the time zone
/// that days, months and the meter's clock are read in.
/// </summary>
public sealed record TrustOptions
{
    /// <summary>The zone of days and months and of the meter's clock (default: the system's).</summary>
    public TimeZoneInfo Zone { get; init; } = TimeZoneInfo.Local;

    /// <summary>
    /// A register difference is implausible when it differs from the integrated power by more than
    /// this many kWh per hour of the span (and by more than <see cref="JumpRelativeSlack"/>).
    /// </summary>
    public decimal JumpAbsoluteSlackKwhPerHour { get; init; } = 2m;

    /// <summary>
    /// A register difference is implausible when it differs from the integrated power by more than
    /// this fraction of it (and by more than <see cref="JumpAbsoluteSlackKwhPerHour"/>).
    /// </summary>
    public decimal JumpRelativeSlack { get; init; } = 0.5m;

    /// <summary>How far the meter's clock may be from the receive time before the hour is flagged.</summary>
    public TimeSpan MaxClockDrift { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The value at which the registers wrap back to zero (the register's maximum plus one step, in
    /// kWh), when known; null when not, and then a rollover is flagged and the estimate used.
    /// </summary>
    public decimal? RegisterWrap { get; init; }
}
