using System.Text.Json;
using Han.Readings.Json;

namespace Han.Sources.Serial;

/// <summary>
/// Remembers the last line setting that worked for each serial device, so that the next start tries it
/// first and a restart reads the meter within one listening window. One small JSON file, whose path the
/// caller gives (the service's state directory, e.g. <c>$STATE_DIRECTORY/line-settings.json</c> under
/// systemd or <c>~/.local/state/han/line-settings.json</c>):
/// <code>{ "/dev/serial/by-id/usb-FTDI_...": { "settings": "2400 8E1", "detected": "2026-01-31T12:00:00+00:00" } }</code>
/// </summary>
public sealed class LineSettingsStore
{
    private readonly string _path;

    public LineSettingsStore(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        _path = path;
    }

    /// <summary>The setting remembered for <paramref name="device"/>, or null.</summary>
    public LineSettings? Recall(string device)
    {
        ArgumentNullException.ThrowIfNull(device);
        return Load().TryGetValue(device, out var entry) ? entry.Settings : null;
    }

    /// <summary>Remembers <paramref name="settings"/> for <paramref name="device"/>, keeping the other devices' entries.</summary>
    public void Remember(string device, LineSettings settings, DateTimeOffset detected)
    {
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(settings);
        var entries = Load();
        entries[device] = new Entry(settings, detected);
        Save(entries);
    }

    /// <summary>
    /// The entries in the file. A file that is missing, unreadable or not what this class writes
    /// (edited by hand, cut short by a full disk) is remembered as nothing: detection then runs in full
    /// and writes it anew, which is all the memory is for.
    /// </summary>
    private Dictionary<string, Entry> Load()
    {
        var entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(_path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return entries;
        }

        try
        {
            using var document = JsonDocument.Parse(bytes);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return entries;
            }

            foreach (var device in document.RootElement.EnumerateObject())
            {
                if (TryReadEntry(device.Value, out var entry))
                {
                    entries[device.Name] = entry;
                }
            }
        }
        catch (JsonException)
        {
            entries.Clear();
        }

        return entries;
    }

    private static bool TryReadEntry(JsonElement element, out Entry entry)
    {
        entry = default;
        if (element.ValueKind != JsonValueKind.Object
            || !element.TryGetProperty("settings", out var text) || text.ValueKind != JsonValueKind.String
            || !LineSettings.TryParse(text.GetString(), out var settings, out _))
        {
            return false;
        }

        var detected = element.TryGetProperty("detected", out var time) && time.ValueKind == JsonValueKind.String && time.TryGetDateTimeOffset(out var at)
            ? at
            : DateTimeOffset.MinValue;
        entry = new Entry(settings, detected);
        return true;
    }

    /// <summary>Writes a new file beside the old one and moves it over, so that a crash never leaves half a file.</summary>
    private void Save(Dictionary<string, Entry> entries)
    {
        AtomicJsonFile.Write(_path, writer =>
        {
            writer.WriteStartObject();
            foreach (var (device, entry) in entries.OrderBy(e => e.Key, StringComparer.Ordinal))
            {
                writer.WriteStartObject(device);
                writer.WriteString("settings", entry.Settings.ToString());
                writer.WriteString("detected", entry.Detected);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        });
    }

    private readonly record struct Entry(LineSettings Settings, DateTimeOffset Detected);
}
