namespace Han.Integrations.Domoticz;

/// <summary>
/// Which Domoticz device (by its idx, the number in Domoticz' Setup &gt; Devices) gets which of one
/// meter's values. A device not given is not updated.
/// </summary>
public sealed class DomoticzDevices
{
    private readonly SortedDictionary<DomoticzDevice, int> _idx;

    public DomoticzDevices(IReadOnlyDictionary<DomoticzDevice, int> idx)
    {
        ArgumentNullException.ThrowIfNull(idx);
        foreach (var (device, number) in idx)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(number, 1, $"idx of {device}");
        }

        _idx = new SortedDictionary<DomoticzDevice, int>(idx.ToDictionary());
    }

    /// <summary>The devices given, in a fixed order (P1 first), with their idx.</summary>
    public IEnumerable<KeyValuePair<DomoticzDevice, int>> All => _idx;

    public int Count => _idx.Count;

    /// <summary>The configuration's name of a device: <c>p1</c>, <c>power</c>, <c>power_export</c>, <c>voltage_l1</c>, <c>current</c>, <c>current_l1</c>.</summary>
    public static string SettingName(DomoticzDevice device) => device switch
    {
        DomoticzDevice.P1 => "p1",
        DomoticzDevice.Power => "power",
        DomoticzDevice.PowerExport => "power_export",
        DomoticzDevice.VoltageL1 => "voltage_l1",
        DomoticzDevice.VoltageL2 => "voltage_l2",
        DomoticzDevice.VoltageL3 => "voltage_l3",
        DomoticzDevice.Current => "current",
        DomoticzDevice.CurrentL1 => "current_l1",
        DomoticzDevice.CurrentL2 => "current_l2",
        DomoticzDevice.CurrentL3 => "current_l3",
        _ => throw new ArgumentOutOfRangeException(nameof(device), device, "not a Domoticz device han knows"),
    };

    /// <summary>The Domoticz device type to create for it (Setup &gt; Hardware &gt; Dummy &gt; Create Virtual Sensors).</summary>
    public static string DomoticzType(DomoticzDevice device) => device switch
    {
        DomoticzDevice.P1 => "P1 Smart Meter (Electric)",
        DomoticzDevice.Power or DomoticzDevice.PowerExport => "Electric (Instant+Counter)",
        DomoticzDevice.VoltageL1 or DomoticzDevice.VoltageL2 or DomoticzDevice.VoltageL3 => "Voltage",
        DomoticzDevice.Current => "Ampere (3 Phase)",
        _ => "Ampere (1 Phase)",
    };
}
