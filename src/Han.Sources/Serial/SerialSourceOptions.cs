namespace Han.Sources.Serial;

/// <summary>How a serial source waits for a device that went away.</summary>
public sealed record SerialSourceOptions
{
    /// <summary>How often to look whether an unplugged adapter is back.</summary>
    public TimeSpan ReopenInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// No bytes for this long is reported (a meter whose HAN port was closed, a cable pulled at the
    /// meter's end); the device stays open, since a serial line cannot tell silence from absence.
    /// </summary>
    public TimeSpan SilenceWarning { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long to wait before searching for the line setting again when no setting read the meter.</summary>
    public TimeSpan DetectionRetry { get; init; } = TimeSpan.FromSeconds(30);
}
