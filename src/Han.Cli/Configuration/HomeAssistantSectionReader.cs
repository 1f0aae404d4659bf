using Han.Integrations.HomeAssistant;

namespace Han.Cli.Configuration;

/// <summary>
/// Reads the <c>homeassistant:</c> section of <c>han run</c>'s configuration with the checks of
/// <see cref="ConfigurationChecker"/>:
/// <code>
/// homeassistant:
///   enabled: true                          # default when the section is there
///   discovery_prefix: homeassistant
///   birth_topic: homeassistant/status
///   dashboard_url: http://pi.local:8080    # the devices' "Visit" link
///   statistics:                            # exact hourly energy into long-term statistics
///     url: http://homeassistant.local:8123 # or ws(s)://host:8123/api/websocket
///     token_file: /etc/han/ha.token        # or token: (a long-lived token of an administrator)
///     time_zone: Europe/Oslo               # the meters' clock; default the top-level time_zone, else the system's
/// </code>
/// </summary>
internal static class HomeAssistantSectionReader
{
    public const string Section = "homeassistant";

    /// <summary>The settings of the section, as paths below it.</summary>
    public static readonly string[] Keys =
        ["enabled", "discovery", "discovery_prefix", "birth_topic", "dashboard_url", "statistics:url", "statistics:token", "statistics:token_file", "statistics:time_zone"];

    private const string WebSocketPath = "/api/websocket";

    /// <summary>The section, or null when it is not there (and not <paramref name="requested"/> by <c>--homeassistant</c>) or says <c>enabled: false</c>.</summary>
    /// <param name="meterZone">The top-level <c>time_zone</c> when given: the default of <c>statistics.time_zone</c>.</param>
    public static HomeAssistantConfiguration? Read(ConfigurationChecker check, bool requested = false, TimeZoneInfo? meterZone = null)
    {
        ArgumentNullException.ThrowIfNull(check);
        var given = check.Document.All.Any(s => s.Path == Section || s.Path.StartsWith(Section + ":", StringComparison.Ordinal));
        if (!check.ReadBool($"{Section}:enabled", given || requested))
        {
            return null;
        }

        // discovery: false keeps only the statistics (a broker there for other tools gets no devices).
        var discovery = new HomeAssistantOptions
        {
            DiscoveryPrefix = Topic(check, "discovery_prefix", HomeAssistantOptions.DefaultDiscoveryPrefix),
            BirthTopic = Topic(check, "birth_topic", HomeAssistantOptions.DefaultBirthTopic),
            DashboardUrl = DashboardUrl(check),
        };
        var discovering = check.ReadBool($"{Section}:discovery", true) || requested;
        return new HomeAssistantConfiguration(discovering ? discovery : null, Statistics(check, meterZone));
    }

    private static string Topic(ConfigurationChecker check, string key, string fallback)
    {
        if (check.Get($"{Section}:{key}") is not { } setting)
        {
            return fallback;
        }

        if (setting.Value.Length == 0 || setting.Value.IndexOfAny(['+', '#', '\0']) >= 0 || setting.Value.StartsWith('/') || setting.Value.EndsWith('/'))
        {
            check.Fail(setting, $"is not an MQTT topic han can use; give one without wildcards (+, #) or a leading or trailing /, as Home Assistant's default {fallback}");
        }

        return setting.Value;
    }

    private static Uri? DashboardUrl(ConfigurationChecker check)
    {
        if (check.Get($"{Section}:dashboard_url") is not { } setting)
        {
            return null;
        }

        if (!Uri.TryCreate(setting.Value, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            check.Fail(setting, "is not a web address; give the dashboard as Home Assistant's users reach it, as in http://pi.local:8080");
            return null;
        }

        return url;
    }

    private static HomeAssistantStatisticsOptions? Statistics(ConfigurationChecker check, TimeZoneInfo? meterZone)
    {
        const string Prefix = Section + ":statistics:";
        var urlSetting = check.Get(Prefix + "url");
        var token = check.ReadSecretText(Prefix + "token");
        var zoneSetting = check.Get(Prefix + "time_zone");
        if (urlSetting is null && token is null && zoneSetting is null)
        {
            return null;
        }

        var url = urlSetting is null ? null : WebSocketUrl(check, urlSetting);
        if (urlSetting is null)
        {
            check.Error($"{Setting.Display(Prefix + "url")}: missing; give Home Assistant's address, as in http://homeassistant.local:8123");
        }

        if (token is null)
        {
            check.Error($"{Setting.Display(Prefix + "token_file")}: missing; make a long-lived access token as an administrator (your profile in Home Assistant, Security tab, Long-lived access tokens), put it in a file only han's user can read, and name the file here");
        }
        else if (token.Value.Text.Length == 0)
        {
            check.Error($"{token.Value.Source.Name} ({token.Value.Source.Origin}): the token is empty; give a long-lived access token of an administrator");
        }

        var zone = TimeZoneReader.Read(check, Prefix + "time_zone", meterZone);
        return url is null || token is not { Text.Length: > 0 } || zone is null ? null : new HomeAssistantStatisticsOptions(url, token.Value.Text, zone);
    }

    /// <summary>ws(s)://…/api/websocket as given, or derived from Home Assistant's web address (http → ws, https → wss).</summary>
    private static Uri? WebSocketUrl(ConfigurationChecker check, Setting setting)
    {
        if (!Uri.TryCreate(setting.Value, UriKind.Absolute, out var given) || given.Scheme is not ("http" or "https" or "ws" or "wss") || given.Host.Length == 0)
        {
            check.Fail(setting, "is not Home Assistant's address; give it as http://homeassistant.local:8123 (or ws://homeassistant.local:8123/api/websocket)");
            return null;
        }

        if (!check.RefuseCredentialsIn(setting, given, "a long-lived access token as homeassistant.statistics.token_file"))
        {
            return null;
        }

        var path = given.AbsolutePath.TrimEnd('/');
        if (!path.EndsWith(WebSocketPath, StringComparison.Ordinal))
        {
            path += WebSocketPath; // a reverse proxy's sub-path stays in front
        }

        var scheme = given.Scheme switch
        {
            "http" => "ws",
            "https" => "wss",
            var same => same,
        };
        return new UriBuilder(given) { Scheme = scheme, Path = path, Query = string.Empty, Fragment = string.Empty }.Uri;
    }
}
