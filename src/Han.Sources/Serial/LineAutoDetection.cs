namespace Han.Sources.Serial;

/// <summary>
/// <c>--baud auto</c> for one device: tries the setting remembered for it first, then every candidate,
/// and remembers what reads the meter for the next start. A setting that gave only damaged frames is
/// not remembered: next time detection runs in full again.
/// </summary>
public sealed class LineAutoDetection
{
    private readonly LineSettingsDetector _detector;
    private readonly LineSettingsStore _store;
    private readonly TimeProvider _time;

    public LineAutoDetection(LineSettingsDetector detector, LineSettingsStore store, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(detector);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        _detector = detector;
        _store = store;
        _time = time;
    }

    /// <param name="device">The device as the user names it; a <c>/dev/serial/by-id/...</c> name stays the same across reboots and ports.</param>
    public async Task<LineDetection> DetectAsync(string device, ILineProbe probe, CancellationToken cancellationToken = default)
    {
        var detection = await _detector.DetectAsync(probe, _store.Recall(device), cancellationToken).ConfigureAwait(false);
        if (detection.Settings is { } found && detection.Certainty >= LineDetectionCertainty.Readable)
        {
            try
            {
                _store.Remember(device, found, _time.GetUtcNow());
            }
            catch (Exception unwritable) when (unwritable is IOException or UnauthorizedAccessException)
            {
                // Remembering only saves the search next time; a state folder that cannot be written
                // (a read-only home) must not stop the reading that was just found.
            }
        }

        return detection;
    }
}
