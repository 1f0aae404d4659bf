namespace Han.Live.Fanout;

/// <summary>
/// How a meter's line is doing, as its pipeline counts it: sent to the outputs now and then (and when
/// the line's state changes), for what shows it (Home Assistant's diagnostic entities, the MQTT state,
/// the dashboard). Counters are totals since han started.
/// </summary>
/// <param name="State">The line's state in words: <c>connected</c>, <c>waiting for the device</c>, <c>unavailable</c>, <c>ended</c>.</param>
/// <param name="LineSettings">The serial line setting in use (<c>2400 8E1</c>), or null for a TCP, MQTT or file source, or before auto-detection found it.</param>
/// <param name="LastReading">The receive time of the last reading, null before the first.</param>
public sealed record LineStatus(
    string Meter,
    DateTimeOffset At,
    string State,
    string? LineSettings,
    long Readings,
    long Frames,
    long ChecksumErrors,
    long CutFrames,
    long SkippedBytes,
    long Undecoded,
    DateTimeOffset? LastReading) : MeterEvent(Meter, At);
