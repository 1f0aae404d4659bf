using Han.Cli.Configuration;
using Han.Integrations.Domoticz;
using Han.Integrations.Mqtt;
using Han.Live.Fanout;

namespace Han.Cli.Service.Sinks;

/// <summary>Makes a meter's Domoticz output from the <c>domoticz:</c> section (<see cref="DomoticzConfiguration"/>).</summary>
internal static class DomoticzOutput
{
    /// <summary>
    /// One client for every meter and the whole run (the documented use of HttpClient); connections are
    /// renewed now and then so a Domoticz that moved to another address (DHCP, DNS) is found again.
    /// Ten seconds per update: a Domoticz slower than that is reported, and the meter's queue takes the rest.
    /// </summary>
    private static readonly HttpClient Http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
    {
        Timeout = TimeSpan.FromSeconds(10),
    };

    /// <summary>The meter's Domoticz sink, or null when it has no Domoticz devices (or MQTT is not there to carry them; said in the log).</summary>
    /// <param name="mqtt">han's MQTT connection, for <c>via: mqtt</c>; null when there is none.</param>
    /// <param name="report">Where the output's troubles go (the log).</param>
    public static IMeterSink? SinkFor(string meter, DomoticzConfiguration? domoticz, IMqttPublisher? mqtt, Action<string, NoteLevel> report)
    {
        if (domoticz is null || !domoticz.Meters.TryGetValue(meter, out var devices))
        {
            return null;
        }

        void Said(string text, NoteLevel level) => report($"{meter}: {text}", level);

        IDomoticzChannel channel;
        if (domoticz.Via == DomoticzVia.Http)
        {
            channel = new DomoticzHttpChannel(Http, domoticz.Url!, domoticz.Username, domoticz.Password, Said);
        }
        else if (mqtt is not null)
        {
            channel = new DomoticzMqttChannel(mqtt, domoticz.Topic);
        }
        else
        {
            Said("domoticz via mqtt needs han's MQTT connection, which this han run does not have; nothing is sent to Domoticz (use via: http with domoticz.url meanwhile)", NoteLevel.Error);
            return null;
        }

        return new DomoticzSink(new DomoticzUpdater(devices, domoticz.Interval), channel);
    }
}
