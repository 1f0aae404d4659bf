using System.Globalization;
using Han.Integrations.Domoticz;

namespace Han.Cli.Configuration;

/// <summary>
/// Reads the <c>domoticz:</c> section. With one meter its devices are under <c>idx:</c>; with several,
/// under <c>meters: { NAME: { ... } }</c>, so that no idx can silently go to the wrong meter.
/// </summary>
internal static class DomoticzConfigurationReader
{
    private const string Section = "domoticz:";

    /// <summary>
    /// Ten seconds: live enough for the power on a Domoticz tile, a quarter of a Norwegian meter's
    /// 2.5 s lists (a tenth of a DSMR 5 meter's 1 s telegrams). Each update is a database write and
    /// runs Domoticz' event scripts, and its short log keeps one sample per 5 minutes anyway.
    /// </summary>
    private const int DefaultIntervalSeconds = 10;

    /// <summary>The settings below <c>domoticz:</c>; <c>*</c> stands for a meter's name.</summary>
    public static readonly string[] Keys =
    [
        "via", "url", "username", "password", "password_file", "topic", "interval",
        .. Enum.GetValues<DomoticzDevice>().Select(d => "idx:" + DomoticzDevices.SettingName(d)),
        .. Enum.GetValues<DomoticzDevice>().Select(d => "meters:*:" + DomoticzDevices.SettingName(d)),
    ];

    /// <summary>The section, or null when there is none.</summary>
    public static DomoticzConfiguration? Read(ConfigurationChecker check, IReadOnlyList<string> meterNames)
    {
        var settings = check.Document.All.Where(s => s.Path.StartsWith(Section, StringComparison.Ordinal)).ToList();
        if (settings.Count == 0)
        {
            return null;
        }

        var errorsBefore = check.Errors.Count;
        var via = ReadVia(check);
        var url = via == DomoticzVia.Http ? ReadUrl(check) : null;
        var (username, password) = ReadLogin(check, url);
        var topic = ReadTopic(check, via);
        var interval = TimeSpan.FromSeconds(check.ReadInt(Section + "interval", DefaultIntervalSeconds, 1, 86_400, "the seconds between two updates of one Domoticz device"));
        var meters = ReadMeters(check, meterNames);
        return check.Errors.Count > errorsBefore ? null : new DomoticzConfiguration(via, url, username, password, topic, interval, meters);
    }

    private static DomoticzVia ReadVia(ConfigurationChecker check)
    {
        switch (check.Get(Section + "via"))
        {
            case null:
                return check.Get(Section + "url") is null ? DomoticzVia.Mqtt : DomoticzVia.Http;
            case { Value: "http" }:
                return DomoticzVia.Http;
            case { Value: "mqtt" }:
                return DomoticzVia.Mqtt;
            case var other:
                check.Fail(other, "is not a way to Domoticz; use http (its JSON API, with url:) or mqtt (its domoticz/in topic, with the mqtt: connection)");
                return DomoticzVia.Http;
        }
    }

    private static Uri? ReadUrl(ConfigurationChecker check)
    {
        if (check.Get(Section + "url") is not { } setting)
        {
            check.Error("domoticz.url: missing; via http needs Domoticz' web address, as in http://pi:8080");
            return null;
        }

        if (!Uri.TryCreate(setting.Value, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https") || url.Query.Length > 0)
        {
            check.Fail(setting, "is not Domoticz' web address; give http:// or https://, the host and port, as in http://pi:8080");
            return null;
        }

        return check.RefuseCredentialsIn(setting, url, "domoticz.username and domoticz.password_file") ? url : null;
    }

    private static (string? Username, string? Password) ReadLogin(ConfigurationChecker check, Uri? url)
    {
        var username = check.Get(Section + "username");
        var password = check.ReadSecretText(Section + "password");
        if (username is null && password is not null)
        {
            check.Error($"{password.Value.Source.Name} ({password.Value.Source.Origin}): a password without domoticz.username; give the username too");
        }
        else if (username is not null && password is null)
        {
            check.Error($"{username.Name} ({username.Origin}): a username without a password; give domoticz.password or domoticz.password_file too");
        }
        else if (username is not null && url is { Scheme: "http" })
        {
            check.Warn($"{username.Name} ({username.Origin}): over plain http Domoticz takes a login only with 'Allow Basic-Auth authentication over plain HTTP' on (Setup > Settings > Security); or use https, or list han's address in Trusted Networks and leave the login out");
        }

        return (username?.Value, password?.Text);
    }

    private static string ReadTopic(ConfigurationChecker check, DomoticzVia via)
    {
        if (check.Get(Section + "topic") is not { } setting)
        {
            if (via == DomoticzVia.Mqtt && check.Get("mqtt:host") is null)
            {
                check.Error("domoticz.via: mqtt sends through han's MQTT connection; configure mqtt.host (and its login), or use via: http with domoticz.url");
            }

            return DomoticzMqttChannel.DefaultTopic;
        }

        if (via == DomoticzVia.Http)
        {
            check.Warn($"{setting.Name} ({setting.Origin}): only used with via: mqtt; updates go to domoticz.url");
        }

        if (setting.Value.Length == 0 || setting.Value.IndexOfAny(['+', '#']) >= 0)
        {
            check.Fail(setting, "is not a topic to publish on (no + or #); Domoticz listens on domoticz/in unless its MQTT hardware says otherwise");
        }

        return setting.Value;
    }

    private static Dictionary<string, DomoticzDevices> ReadMeters(ConfigurationChecker check, IReadOnlyList<string> meterNames)
    {
        var meters = new Dictionary<string, DomoticzDevices>(StringComparer.Ordinal);
        var single = ReadDevices(check, Section + "idx:");
        if (single.Count > 0)
        {
            if (meterNames.Count == 1)
            {
                meters[meterNames[0]] = new DomoticzDevices(single);
            }
            else if (meterNames.Count > 1)
            {
                check.Error($"domoticz.idx: with {meterNames.Count} meters, say whose devices these are: put them under domoticz.meters.<name> ({string.Join(", ", meterNames)}) instead");
            }
        }

        var named = check.Document.All
            .Select(s => s.Path.Split(':'))
            .Where(p => p is ["domoticz", "meters", _, _])
            .Select(p => p[2])
            .Distinct(StringComparer.Ordinal);
        foreach (var name in named)
        {
            if (!meterNames.Contains(name))
            {
                check.Error($"domoticz.meters.{name}: there is no meter named {name}; the meters are {string.Join(", ", meterNames)}");
            }
            else if (meters.ContainsKey(name))
            {
                check.Error($"domoticz.meters.{name}: the devices of {name} are given under domoticz.idx already; give them in one place");
            }
            else
            {
                meters[name] = new DomoticzDevices(ReadDevices(check, $"{Section}meters:{name}:"));
            }
        }

        foreach (var shared in meters.SelectMany(m => m.Value.All.Select(d => (Meter: m.Key, Device: d.Key, Idx: d.Value))).GroupBy(d => d.Idx).Where(g => g.Count() > 1))
        {
            var users = string.Join(" and ", shared.Select(d => $"{d.Meter} {DomoticzDevices.SettingName(d.Device)}"));
            check.Error($"domoticz: idx {shared.Key} is given to {users}; each Domoticz device takes one kind of value, so each needs its own idx");
        }

        if (meters.Count == 0)
        {
            check.Error("domoticz: no device idx given; create the devices in Domoticz (see README) and give their idx, as in domoticz.idx.p1: 12");
        }

        return meters;
    }

    private static Dictionary<DomoticzDevice, int> ReadDevices(ConfigurationChecker check, string prefix)
    {
        var devices = new Dictionary<DomoticzDevice, int>();
        foreach (var device in Enum.GetValues<DomoticzDevice>())
        {
            var path = prefix + DomoticzDevices.SettingName(device);
            if (check.Get(path) is not { } setting)
            {
                continue;
            }

            if (int.TryParse(setting.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var idx) && idx > 0)
            {
                devices[device] = idx;
            }
            else
            {
                check.Fail(setting, $"is not a Domoticz idx: the number in the Idx column of Setup > Devices for the {DomoticzDevices.DomoticzType(device)} device");
            }
        }

        return devices;
    }
}
