namespace Han.Integrations.HomeAssistant;

/// <summary>
/// One Home Assistant sensor han can announce for a meter: which key of the meter's state topic it
/// shows, and how Home Assistant should treat it (integrations.md §1.4-1.6).
/// </summary>
/// <param name="Id">The component id in the device payload and the end of the unique id (<c>han_&lt;meter id&gt;_&lt;Id&gt;</c>): short, and never changed once published.</param>
/// <param name="Key">The key of the state JSON (<c>han/&lt;meter&gt;/state</c>) the value template reads.</param>
/// <param name="Name">The entity's name; Home Assistant puts the device name in front, so it never starts with it (the 2023.8 naming rule).</param>
/// <param name="DeviceClass">Home Assistant's device class, or null for a plain value or text.</param>
/// <param name="StateClass">measurement, total or total_increasing, or null for text, timestamps and identity.</param>
/// <param name="Unit">The unit in Home Assistant's exact spelling (<c>var</c>, <c>kvarh</c>), or null.</param>
/// <param name="Precision">Decimals Home Assistant shows, or null to leave it to Home Assistant.</param>
/// <param name="Diagnostic">Shown under the device's diagnostics, not among its sensors.</param>
/// <param name="EnabledByDefault">False for values that change with every reading and matter only when something is wrong.</param>
/// <param name="ExpireAfterSeconds">For values the meter sends every few seconds: unavailable when no update came for this long. Null for hourly registers, which must never expire.</param>
/// <param name="Topic">The meter's own topic the entity reads instead of the shared state (<c>cost</c> for <c>han/&lt;meter&gt;/cost</c>), or null for the state.</param>
/// <param name="LastResetKey">The key holding the time the value last started again from 0 (Home Assistant's <c>last_reset</c>, only with state class <c>total</c>), or null.</param>
/// <param name="Platform">Home Assistant's platform: <c>sensor</c>, or <c>binary_sensor</c> for an on/off state read from a JSON boolean.</param>
public sealed record HomeAssistantEntity(
    string Id,
    string Key,
    string Name,
    string? DeviceClass,
    string? StateClass,
    string? Unit,
    int? Precision,
    bool Diagnostic = false,
    bool EnabledByDefault = true,
    int? ExpireAfterSeconds = null,
    string? Topic = null,
    string? LastResetKey = null,
    string Platform = "sensor");
