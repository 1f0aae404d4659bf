using Han.Protocol.Dlms.Security;
using Han.Readings;
using Han.Sources.Live;
using Han.Sources.Mqtt;
using Han.Sources.Serial;

namespace Han.Cli.Configuration;

/// <summary>
/// Turns the settings of a configuration file into a <see cref="RunConfiguration"/>, checking each as
/// ESPHome does: every problem is found in one pass, and each message names the setting, where it was
/// written, its value (never a key's) and what would be valid. An unknown setting gets the nearest known
/// one as a suggestion, since a typo there would otherwise be silently ignored. The meters and outputs
/// are read here; every other section by its own reader, with the checks of <see cref="ConfigurationChecker"/>.
/// </summary>
internal sealed class RunConfigurationReader
{
    private static readonly string[] MeterKeys = ["name", "source", "baud", "parity", "data_bits", "stop_bits", "country", "scale", "key", "key_file", "auth_key", "auth_key_file", "password", "password_file"];
    private static readonly string[] OutputKeys = ["capture", "json_lines", "log_readings", "queue_size"];

    /// <summary>The settings of each section read by its own reader, as paths below the section (<c>tls:ca_file</c>).</summary>
    private static readonly Dictionary<string, string[]> SectionKeys = new(StringComparer.Ordinal)
    {
        ["mqtt"] = MqttConfigurationReader.Keys,
        ["domoticz"] = DomoticzConfigurationReader.Keys,
        [HomeAssistantSectionReader.Section] = HomeAssistantSectionReader.Keys,
        [WebConfigurationReader.Section] = WebConfigurationReader.Keys,
        [StorageConfigurationReader.Section] = StorageConfigurationReader.Keys,
        [PricesConfigurationReader.Section] = PricesConfigurationReader.Keys,
        [GridConfigurationReader.Section] = GridConfigurationReader.Keys,
    };

    private readonly ConfigurationChecker _check;
    private readonly Func<string, string> _readFile;
    private readonly string _stateFolder;

    private RunConfigurationReader(ConfigurationChecker check, Func<string, string> readFile, string stateFolder)
    {
        _check = check;
        _readFile = readFile;
        _stateFolder = stateFolder;
    }

    /// <summary>The configuration, or a <see cref="ConfigurationException"/> listing every problem.</summary>
    /// <param name="readFile">Reads a secret's file (<c>key_file</c>); an <see cref="IOException"/> when it cannot.</param>
    /// <param name="folderExists">Whether an output's folder exists (a missing one would fail every write for years); none checks nothing.</param>
    /// <param name="stateFolder">han's state folder (the default SQLite store is there); none: <see cref="Io.StateFolder"/>.</param>
    public static RunConfiguration Read(SettingsDocument document, Func<string, string> readFile, Func<string, bool>? folderExists = null, string? stateFolder = null)
    {
        var check = new ConfigurationChecker(document, readFile, folderExists ?? (_ => true));
        var configuration = new RunConfigurationReader(check, readFile, stateFolder ?? Io.StateFolder.Resolve()).Read();
        return check.Errors.Count == 0 ? configuration : throw new ConfigurationException(string.Join('\n', check.Errors));
    }

    private RunConfiguration Read()
    {
        CheckUnknownSettings();
        var meters = new List<MeterConfiguration>();
        var count = _check.Document.Count("meters");
        if (count == 0)
        {
            _check.Error($"meters: no meter is configured; add one under meters: with at least a source, as in the example deploy/han.yaml");
        }

        for (var i = 0; i < count; i++)
        {
            if (ReadMeter(i) is { } meter)
            {
                meters.Add(meter);
            }
        }

        foreach (var duplicate in meters.GroupBy(m => m.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            _check.Error($"meters: the name '{duplicate.Key}' is given to {duplicate.Count()} meters; each needs its own (it names their files and entities)");
        }

        var mqtt = new MqttConfigurationReader(_check, _readFile).Read(System.Net.Dns.GetHostName());
        var outputs = ReadOutputs(meters.Count);
        var domoticz = DomoticzConfigurationReader.Read(_check, [.. meters.Select(m => m.Name)]);
        var storage = StorageConfigurationReader.Read(_check, _stateFolder);
        // Read once, for the history's days and the meters' clocks; a Home Assistant statistics zone of its own may differ.
        // No warning on a UTC host: every han run would log it (containers run in UTC); --check names the zone in use.
        var zone = TimeZoneReader.Read(_check, TimeZoneReader.Path, warnOnUtc: false) ?? TimeZoneInfo.Local;
        var homeAssistant = HomeAssistantSectionReader.Read(_check, meterZone: _check.Get(TimeZoneReader.Path) is null ? null : zone);
        if (homeAssistant is { Discovery: not null } && mqtt is null)
        {
            // Not an error: the statistics go over Home Assistant's WebSocket API and work without MQTT.
            _check.Warn("homeassistant: the MQTT discovery needs a broker (the mqtt: section or --mqtt HOST); without one, no device is announced"
                + (homeAssistant.Statistics is null ? string.Empty : " and only the hourly statistics are sent (discovery: false says that is meant)"));
        }

        var web = WebConfigurationReader.Read(_check);
        var prices = PricesConfigurationReader.Read(_check);
        if (prices is not null && !storage.Enabled)
        {
            _check.Warn("prices: the history is off (storage.enabled: false), and the prices are kept in its store: none are fetched");
        }

        return new RunConfiguration(meters, outputs, _check.Warnings, mqtt, homeAssistant) { Domoticz = domoticz, Web = web, Storage = storage, TimeZone = zone, Prices = prices, Grid = GridConfigurationReader.Read(_check) };
    }

    private MeterConfiguration? ReadMeter(int index)
    {
        var prefix = $"meters:{index}:";
        var errorsBefore = _check.Errors.Count;
        var name = _check.Get(prefix + "name") is { } given ? CheckName(given) : (index == 0 ? "meter" : $"meter{index + 1}");
        SourceAddress? source = null;
        if (_check.Get(prefix + "source") is not { } sourceSetting)
        {
            _check.Error($"{Setting.Display(prefix + "source")}: missing; give the serial device (/dev/serial/by-id/...), tcp://HOST:PORT, mqtt://[USER[:PASS]@]HOST[:PORT]/TOPIC, or a capture file");
        }
        else if (!SourceAddress.TryParse(sourceSetting.Value, out source, out var problem))
        {
            if (MqttSourceAddress.HasScheme(sourceSetting.Value))
            {
                // The problem names the source itself, without its password.
                _check.Error($"{sourceSetting.Name} ({sourceSetting.Origin}): {problem}");
            }
            else
            {
                _check.Fail(sourceSetting, problem);
            }
        }

        source = MqttSourcePassword.Apply(_check, prefix + "password", source);
        var line = ReadLine(prefix, source);
        var country = Country.Norway;
        if (_check.Get(prefix + "country") is { } countrySetting && !Country.TryParse(countrySetting.Value, out country))
        {
            _check.Fail(countrySetting, "is not an ISO 3166 alpha-2 country code; use two letters such as NO, SE, DK, CZ or HU");
        }

        var scale = _check.ReadInt(prefix + "scale", 1, 1, 100_000, "a current-transformer factor (1 for a meter without one, 40 for 200/5 A)");
        var key = _check.ReadSecret(prefix + "key", text => (EncryptionKey.TryFromHex(text, out var k, out var e), k, e));
        var authenticationKey = _check.ReadSecret(prefix + "auth_key", text => (AuthenticationKey.TryFromHex(text, out var k, out var e), k, e));
        return _check.Errors.Count > errorsBefore ? null : new MeterConfiguration(name, source!, line, country, scale, key, authenticationKey);
    }

    private LineSettings? ReadLine(string prefix, SourceAddress? source)
    {
        var baud = _check.Get(prefix + "baud");
        var parity = _check.Get(prefix + "parity");
        var dataBits = _check.Get(prefix + "data_bits");
        var stopBits = _check.Get(prefix + "stop_bits");
        if (baud is null or { Value: "auto" })
        {
            foreach (var orphan in new[] { parity, dataBits, stopBits }.OfType<Setting>())
            {
                _check.Fail(orphan, "needs a speed: give baud too (as in baud: 2400 with parity: even), or leave the line settings out for auto-detection");
            }

            return null;
        }

        if (source is { Kind: not SourceKind.Serial })
        {
            _check.Warn($"{baud.Name} ({baud.Origin}): only a serial source has a line setting; it is not used for {source.Text}");
        }

        var text = $"{baud.Value} {dataBits?.Value ?? "8"}{Parity(parity)}{stopBits?.Value ?? "1"}";
        if (!LineSettings.TryParse(text, out var settings, out var problem))
        {
            _check.Error($"{Setting.Display(prefix)[..^1]} line settings ({baud.Origin}): {problem}");
            return null;
        }

        return settings;
    }

    private char Parity(Setting? parity)
    {
        switch (parity?.Value.ToLowerInvariant())
        {
            case null:
                return 'E'; // what Aidon, Kaifa and Landis+Gyr send; Kamstrup users say parity: none
            case "none":
                return 'N';
            case "even":
                return 'E';
            case "odd":
                return 'O';
            default:
                _check.Fail(parity, "is not a parity; use none, even or odd");
                return 'E';
        }
    }

    private OutputsConfiguration ReadOutputs(int meters)
    {
        var capture = _check.ReadPath("outputs:capture", meters);
        var jsonLines = _check.ReadPath("outputs:json_lines", meters);
        var log = _check.ReadBool("outputs:log_readings", false);
        var queue = _check.ReadInt("outputs:queue_size", 10_000, 10, 10_000_000, "the number of items each output may hold while it is slow");
        return new OutputsConfiguration(capture, jsonLines, log, queue);
    }

    private string CheckName(Setting name)
    {
        if (name.Value.Length == 0 || name.Value.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '_' or '-')))
        {
            _check.Fail(name, "is not a meter name; use letters, digits, '-' and '_' (it names files and entities), as in house or cabin_2");
        }

        return name.Value;
    }

    private void CheckUnknownSettings()
    {
        var sectionsSaid = new HashSet<string>(StringComparer.Ordinal); // one message per section, not per setting in it
        string[] known = ["meters", "outputs", TimeZoneReader.Path, .. SectionKeys.Keys];
        foreach (var setting in _check.Document.All)
        {
            switch (setting.Path.Split(':'))
            {
                case ["meters", var index, var key] when int.TryParse(index, out _):
                    CheckKnown(setting, key, MeterKeys);
                    break;
                case ["outputs", var key]:
                    CheckKnown(setting, key, OutputKeys);
                    break;
                case [TimeZoneReader.Path]:
                    break; // read with the meters' other settings
                case ["meters" or "outputs", ..]:
                    _check.Error($"{setting.Name} ({setting.Origin}): not where han expects a setting; the example deploy/han.yaml shows the layout");
                    break;
                case [var section] when SectionKeys.ContainsKey(section) && setting.Value.Length == 0:
                    break; // an empty section: every setting in it at its default
                case [var section, .. var rest] when SectionKeys.TryGetValue(section, out var keys):
                    CheckKnown(setting, string.Join(':', rest), keys);
                    break;
                case [var section, ..] when !sectionsSaid.Add(section):
                    break;
                case [var section, ..]:
                    _check.ReportUnknown(setting with { Path = section }, section, known);
                    break;
            }
        }
    }

    /// <summary>
    /// Whether <paramref name="key"/> is one of <paramref name="keys"/>, where a <c>*</c> part stands for
    /// any one name (a meter's); the suggestion for a typo fills the <c>*</c> with the name given.
    /// </summary>
    private void CheckKnown(Setting setting, string key, string[] keys)
    {
        var parts = key.Split(':');
        var filled = keys.Select(known => string.Join(':', known.Split(':').Select((part, i) => part == "*" && i < parts.Length ? parts[i] : part))).Distinct().ToList();
        if (!filled.Contains(key))
        {
            _check.ReportUnknown(setting, key, filled);
        }
    }
}
