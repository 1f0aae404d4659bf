namespace Han.Integrations.Domoticz;

/// <summary>
/// The virtual devices han can update in Domoticz, each with the svalue format of its Domoticz type
/// (integrations.md §2.3, [DZ4][DZ6]). The configuration names them by <see cref="DomoticzDevices.SettingName"/>.
/// </summary>
public enum DomoticzDevice
{
    /// <summary>P1 Smart Meter (Electric): <c>USAGE1;USAGE2;RETURN1;RETURN2;CONS;PROD</c>, Wh and W.</summary>
    P1,

    /// <summary>Electric (Instant+Counter) for import: <c>W;Wh</c>.</summary>
    Power,

    /// <summary>Electric (Instant+Counter) for export (solar panels): <c>W;Wh</c>.</summary>
    PowerExport,

    /// <summary>Voltage of phase 1: <c>V</c>.</summary>
    VoltageL1,

    /// <summary>Voltage of phase 2.</summary>
    VoltageL2,

    /// <summary>Voltage of phase 3.</summary>
    VoltageL3,

    /// <summary>Ampere (3 Phase): <c>I1;I2;I3</c>.</summary>
    Current,

    /// <summary>Ampere (1 Phase) for phase 1: <c>I</c> (a one-phase meter, or one device per phase).</summary>
    CurrentL1,

    /// <summary>Ampere (1 Phase) for phase 2.</summary>
    CurrentL2,

    /// <summary>Ampere (1 Phase) for phase 3.</summary>
    CurrentL3,
}
