using System.Globalization;
using Han.Cli.Arguments;
using Han.Protocol.Dlms.Security;
using Han.Readings;
using Han.Sources.Live;
using Han.Sources.Serial;

namespace Han.Cli.Configuration;

/// <summary>
/// Turns the settings of a configuration file into a <see cref="RunConfiguration"/>, checking each as
/// ESPHome does: every problem is found in one pass, and each message names the setting, where it was
/// written, its value (never a key's) and what would be valid. An unknown setting gets the nearest known
/// one as a suggestion, since a typo there would otherwise be silently ignored.
/// </summary>
internal sealed class RunConfigurationReader
{
    private static readonly string[] MeterKeys = ["name", "source", "baud", "parity", "data_bits", "stop_bits", "country", "scale", "key", "key_file", "auth_key", "auth_key_file"];
    private static readonly string[] OutputKeys = ["capture", "json_lines", "log_readings", "queue_size"];
    private static readonly string[] LaterSections = ["mqtt", "homeassistant", "domoticz", "storage", "web", "prices", "grid"];

    private readonly SettingsDocument _document;
    private readonly Func<string, string> _readFile;
    private readonly Func<string, bool> _folderExists;
    private readonly List<string> _errors = [];
    private readonly List<string> _warnings = [];

    private RunConfigurationReader(SettingsDocument document, Func<string, string> readFile, Func<string, bool> folderExists)
    {
        _document = document;
        _readFile = readFile;
        _folderExists = folderExists;
    }

    /// <summary>The configuration, or a <see cref="ConfigurationException"/> listing every problem.</summary>
    /// <param name="readFile">Reads a secret's file (<c>key_file</c>); an <see cref="IOException"/> when it cannot.</param>
    /// <param name="folderExists">Whether an output's folder exists (a missing one would fail every write for years); none checks nothing.</param>
    public static RunConfiguration Read(SettingsDocument document, Func<string, string> readFile, Func<string, bool>? folderExists = null)
    {
        var reader = new RunConfigurationReader(document, readFile, folderExists ?? (_ => true));
        var configuration = reader.Read();
        return reader._errors.Count == 0 ? configuration : throw new ConfigurationException(string.Join('\n', reader._errors));
    }

    private RunConfiguration Read()
    {
        CheckUnknownSettings();
        var meters = new List<MeterConfiguration>();
        var count = _document.Count("meters");
        if (count == 0)
        {
            _errors.Add($"meters: no meter is configured; add one under meters: with at least a source, as in the example deploy/han.yaml");
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
            _errors.Add($"meters: the name '{duplicate.Key}' is given to {duplicate.Count()} meters; each needs its own (it names their files and entities)");
        }

        return new RunConfiguration(meters, ReadOutputs(meters.Count), _warnings);
    }

    private MeterConfiguration? ReadMeter(int index)
    {
        var prefix = $"meters:{index}:";
        var errorsBefore = _errors.Count;
        var name = _document.Get(prefix + "name") is { } given ? CheckName(given) : (index == 0 ? "meter" : $"meter{index + 1}");
        SourceAddress? source = null;
        if (_document.Get(prefix + "source") is not { } sourceSetting)
        {
            _errors.Add($"{Setting.Display(prefix + "source")}: missing; give the serial device (/dev/serial/by-id/...), tcp://HOST:PORT, or a capture file");
        }
        else if (!SourceAddress.TryParse(sourceSetting.Value, out source, out var problem))
        {
            Fail(sourceSetting, problem);
        }

        var line = ReadLine(prefix, source);
        var country = Country.Norway;
        if (_document.Get(prefix + "country") is { } countrySetting && !Country.TryParse(countrySetting.Value, out country))
        {
            Fail(countrySetting, $"is not a known market; use one of {string.Join(", ", Country.KnownCodes)}");
        }

        var scale = ReadInt(prefix + "scale", 1, 1, 100_000, "a current-transformer factor (1 for a meter without one, 40 for 200/5 A)");
        var key = ReadSecret(prefix + "key", text => (EncryptionKey.TryFromHex(text, out var k, out var e), k, e));
        var authenticationKey = ReadSecret(prefix + "auth_key", text => (AuthenticationKey.TryFromHex(text, out var k, out var e), k, e));
        return _errors.Count > errorsBefore ? null : new MeterConfiguration(name, source!, line, country, scale, key, authenticationKey);
    }

    private LineSettings? ReadLine(string prefix, SourceAddress? source)
    {
        var baud = _document.Get(prefix + "baud");
        var parity = _document.Get(prefix + "parity");
        var dataBits = _document.Get(prefix + "data_bits");
        var stopBits = _document.Get(prefix + "stop_bits");
        if (baud is null or { Value: "auto" })
        {
            foreach (var orphan in new[] { parity, dataBits, stopBits }.OfType<Setting>())
            {
                Fail(orphan, "needs a speed: give baud too (as in baud: 2400 with parity: even), or leave the line settings out for auto-detection");
            }

            return null;
        }

        if (source is { Kind: not SourceKind.Serial })
        {
            _warnings.Add($"{baud.Name} ({baud.Origin}): only a serial source has a line setting; it is not used for {source.Text}");
        }

        var text = $"{baud.Value} {dataBits?.Value ?? "8"}{Parity(parity)}{stopBits?.Value ?? "1"}";
        if (!LineSettings.TryParse(text, out var settings, out var problem))
        {
            _errors.Add($"{Setting.Display(prefix)[..^1]} line settings ({baud.Origin}): {problem}");
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
                Fail(parity, "is not a parity; use none, even or odd");
                return 'E';
        }
    }

    private OutputsConfiguration ReadOutputs(int meters)
    {
        var capture = ReadPath("outputs:capture", meters);
        var jsonLines = ReadPath("outputs:json_lines", meters);
        var log = _document.Get("outputs:log_readings") is { } logSetting && ReadBool(logSetting);
        var queue = ReadInt("outputs:queue_size", 10_000, 10, 10_000_000, "the number of items each output may hold while it is slow");
        return new OutputsConfiguration(capture, jsonLines, log, queue);
    }

    private string? ReadPath(string path, int meters)
    {
        if (_document.Get(path) is not { } setting)
        {
            return null;
        }

        if (meters > 1 && !setting.Value.Contains("{meter}", StringComparison.Ordinal))
        {
            Fail(setting, "is one file for several meters; put {meter} in it, as in /var/lib/han/{meter}.jsonl");
        }

        // A folder named by {meter} differs per meter and is made by no one yet: only a fixed folder is checked.
        var folder = Path.GetDirectoryName(Path.GetFullPath(setting.Value));
        if (folder is not null && !folder.Contains('{', StringComparison.Ordinal) && !_folderExists(folder))
        {
            Fail(setting, $"is in a folder that does not exist ({folder}); create it for the service's user (the .deb makes /var/lib/han), or choose another");
        }

        return setting.Value;
    }

    private string CheckName(Setting name)
    {
        if (name.Value.Length == 0 || name.Value.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '_' or '-')))
        {
            Fail(name, "is not a meter name; use letters, digits, '-' and '_' (it names files and entities), as in house or cabin_2");
        }

        return name.Value;
    }

    private int ReadInt(string path, int fallback, int least, int most, string what)
    {
        if (_document.Get(path) is not { } setting)
        {
            return fallback;
        }

        if (!int.TryParse(setting.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < least || value > most)
        {
            Fail(setting, $"is not {what}: a whole number from {least} to {most}");
            return fallback;
        }

        return value;
    }

    private bool ReadBool(Setting setting)
    {
        switch (setting.Value.ToLowerInvariant())
        {
            case "true" or "yes" or "on":
                return true;
            case "false" or "no" or "off":
                return false;
            default:
                Fail(setting, "is not true or false");
                return false;
        }
    }

    /// <summary>A key given inline or as <c>*_file</c>; its value never appears in a message.</summary>
    private T? ReadSecret<T>(string path, Func<string, (bool Valid, T? Key, string Error)> parse)
        where T : class
    {
        var inline = _document.Get(path);
        var file = _document.Get(path + "_file");
        if (inline is not null && file is not null)
        {
            _errors.Add($"{inline.Name} and {file.Name}: give one of them, not both");
            return null;
        }

        string text;
        Setting source;
        if (file is not null)
        {
            try
            {
                text = _readFile(file.Value).Trim();
            }
            catch (Exception problem) when (problem is IOException or UnauthorizedAccessException)
            {
                Fail(file, $"cannot be read ({problem.Message}); the service's user needs read access to it");
                return null;
            }

            source = file;
        }
        else if (inline is not null)
        {
            text = inline.Value;
            source = inline;
        }
        else
        {
            return null;
        }

        var (valid, key, error) = parse(text);
        if (!valid)
        {
            _errors.Add($"{source.Name} ({source.Origin}): {error}");
        }

        return key;
    }

    private void CheckUnknownSettings()
    {
        var sectionsSaid = new HashSet<string>(StringComparer.Ordinal); // one message per section, not per setting in it
        foreach (var setting in _document.All)
        {
            switch (setting.Path.Split(':'))
            {
                case ["meters", var index, var key] when int.TryParse(index, out _):
                    CheckKnown(setting, key, MeterKeys);
                    break;
                case ["outputs", var key]:
                    CheckKnown(setting, key, OutputKeys);
                    break;
                case ["meters" or "outputs", ..]:
                    _errors.Add($"{setting.Name} ({setting.Origin}): not where han expects a setting; the example deploy/han.yaml shows the layout");
                    break;
                case [var section, ..] when !sectionsSaid.Add(section):
                    break;
                case [var section, ..] when LaterSections.Contains(section):
                    _warnings.Add($"{section} ({setting.Origin}): han does not act on this section yet; it is read and ignored");
                    break;
                case [var section, ..]:
                    ReportUnknown(setting with { Path = section }, section, ["meters", "outputs", .. LaterSections]);
                    break;
            }
        }
    }

    private void CheckKnown(Setting setting, string key, string[] keys)
    {
        if (!keys.Contains(key))
        {
            ReportUnknown(setting, key, keys);
        }
    }

    private void ReportUnknown(Setting setting, string key, string[] keys)
    {
        var nearest = keys.OrderBy(k => EditDistance.Of(key, k)).First();
        var hint = EditDistance.Of(key, nearest) <= 2 ? $"; did you mean {nearest}?" : $"; known here: {string.Join(", ", keys)}";
        var message = $"{setting.Name} ({setting.Origin}): unknown setting{hint}";
        if (setting.Origin.StartsWith("environment", StringComparison.Ordinal))
        {
            _warnings.Add(message); // HAN_ variables may belong to something else
        }
        else
        {
            _errors.Add(message);
        }
    }

    private void Fail(Setting setting, string problem) =>
        _errors.Add($"{setting.Name} ({setting.Origin}): '{setting.Value}' {problem}");
}
