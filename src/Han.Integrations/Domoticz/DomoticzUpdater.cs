using Han.Live;

namespace Han.Integrations.Domoticz;

/// <summary>
/// Decides what one meter sends to Domoticz and when: each configured device at most once per
/// <see cref="Interval"/>, with the latest values when it is due. Time is the readings' receive time,
/// so the pace follows the meter, not a timer: a device is sent with the first reading after its
/// interval has passed (at most one meter cadence, 2 to 10 s, late).
/// </summary>
public sealed class DomoticzUpdater
{
    private readonly DomoticzDevices _devices;
    private readonly DomoticzMeterValues _values = new();
    private readonly Dictionary<DomoticzDevice, DateTimeOffset> _lastSent = [];

    public DomoticzUpdater(DomoticzDevices devices, TimeSpan interval)
    {
        _devices = devices ?? throw new ArgumentNullException(nameof(devices));
        ArgumentOutOfRangeException.ThrowIfLessThan(interval, TimeSpan.Zero);
        Interval = interval;
    }

    /// <summary>The shortest time between two updates of one device.</summary>
    public TimeSpan Interval { get; }

    /// <summary>Takes a reading received at <paramref name="at"/>; returns the updates due now (often none).</summary>
    public IReadOnlyList<DomoticzUpdate> Take(LiveReading reading, DateTimeOffset at)
    {
        _values.Add(reading);
        List<DomoticzUpdate>? due = null;
        foreach (var (device, idx) in _devices.All)
        {
            // A clock set back (at before last) sends at once rather than waiting for the old time to come round again.
            if (_lastSent.TryGetValue(device, out var last) && at >= last && at - last < Interval)
            {
                continue;
            }

            if (_values.Update(device, idx) is { } update)
            {
                _lastSent[device] = at;
                (due ??= []).Add(update);
            }
        }

        return (IReadOnlyList<DomoticzUpdate>?)due ?? [];
    }
}
