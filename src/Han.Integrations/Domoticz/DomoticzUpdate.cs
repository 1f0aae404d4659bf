namespace Han.Integrations.Domoticz;

/// <summary>
/// One <c>udevice</c> command: the device's idx, <c>nvalue</c> (an integer; 0 for every meter device)
/// and <c>svalue</c> (the device type's text), the same over HTTP and MQTT (integrations.md §2.1, §2.2).
/// </summary>
/// <param name="Device">Which of han's devices it is, for messages.</param>
public sealed record DomoticzUpdate(DomoticzDevice Device, int Idx, int NValue, string SValue);
