using Han.Integrations.Domoticz;

namespace Han.Cli.Configuration;

/// <summary>How han reaches Domoticz.</summary>
internal enum DomoticzVia
{
    /// <summary>Domoticz' HTTP JSON API (<c>json.htm?type=command&amp;param=udevice</c>).</summary>
    Http,

    /// <summary>MQTT messages on Domoticz' input topic, through han's MQTT connection.</summary>
    Mqtt,
}

/// <summary>
/// The <c>domoticz:</c> section: how updates travel, at what pace, and each meter's devices (by meter name).
/// </summary>
/// <param name="Url">Domoticz' web address, for <see cref="DomoticzVia.Http"/>; null for MQTT.</param>
/// <param name="Username">For HTTP Basic authentication; null in a trusted network.</param>
/// <param name="Topic">Domoticz' input topic, for <see cref="DomoticzVia.Mqtt"/>.</param>
/// <param name="Interval">The shortest time between two updates of one device.</param>
/// <param name="Meters">Each meter's devices, by the meter's name; a meter not here sends nothing to Domoticz.</param>
internal sealed record DomoticzConfiguration(
    DomoticzVia Via,
    Uri? Url,
    string? Username,
    string? Password,
    string Topic,
    TimeSpan Interval,
    IReadOnlyDictionary<string, DomoticzDevices> Meters)
{
    /// <summary>For <c>han run --check</c>: <c>domoticz: http http://pi:8080, each device at most every 10 s; house: p1 idx 12, power idx 13</c>.</summary>
    public string Describe()
    {
        var where = Via == DomoticzVia.Http ? $"http {Url}{(Username is null ? string.Empty : $" as {Username}")}" : $"mqtt {Topic}";
        var meters = Meters.Select(m => $"{m.Key}: " + string.Join(", ", m.Value.All.Select(d => $"{DomoticzDevices.SettingName(d.Key)} idx {d.Value}")));
        return $"domoticz: {where}, each device at most every {Interval.TotalSeconds} s; {string.Join("; ", meters)}";
    }
}
