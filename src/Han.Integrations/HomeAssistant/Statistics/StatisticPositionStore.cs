using System.Text.Json;
using Han.Live.Fanout;

namespace Han.Integrations.HomeAssistant.Statistics;

/// <summary>
/// Remembers, per statistic, the last hourly register han closed (<see cref="StatisticPosition"/>), so
/// that the hour in which han restarts (a service restart, an upgrade, a reboot) is not missing from
/// Home Assistant's statistics for ever. One small JSON file in han's state folder, whose path the caller
/// gives (<c>$STATE_DIRECTORY/homeassistant-statistics.json</c> under systemd), shared by the meters of
/// one <c>han run</c>:
/// <code>{ "han:6970631406021485_energy_import": { "boundary": "2026-03-01T10:00:00+00:00", "register": 1001.75, "sum": 12.5 } }</code>
/// Keyed by statistic id, which holds the meter id: another meter on the same port never resumes from
/// this one's register. A file that is missing is nothing remembered; one that cannot be read is told
/// once and then written anew; trouble writing is told once, and han goes on counting in memory.
/// </summary>
public sealed class StatisticPositionStore
{
    private readonly string _path;
    private readonly Action<string, NoteLevel> _report;
    private readonly Lock _gate = new();
    private Dictionary<string, StatisticPosition>? _positions;
    private bool _writeTroubleSaid;

    public StatisticPositionStore(string path, Action<string, NoteLevel> report)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        _path = path;
        _report = report ?? throw new ArgumentNullException(nameof(report));
    }

    /// <summary>Where the positions are kept.</summary>
    public string Path => _path;

    /// <summary>The position remembered for <paramref name="statisticId"/>, or null.</summary>
    public StatisticPosition? Recall(string statisticId)
    {
        ArgumentNullException.ThrowIfNull(statisticId);
        lock (_gate)
        {
            return Positions().GetValueOrDefault(statisticId);
        }
    }

    /// <summary>Remembers <paramref name="position"/> for <paramref name="statisticId"/> and writes the file (once an hour per register: cheap).</summary>
    public void Remember(string statisticId, StatisticPosition position)
    {
        ArgumentNullException.ThrowIfNull(statisticId);
        ArgumentNullException.ThrowIfNull(position);
        lock (_gate)
        {
            var positions = Positions();
            positions[statisticId] = position;
            try
            {
                Save(positions);
                if (_writeTroubleSaid)
                {
                    _writeTroubleSaid = false;
                    _report($"Home Assistant statistics: {_path} is written again", NoteLevel.Information);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                if (!_writeTroubleSaid)
                {
                    _writeTroubleSaid = true;
                    _report($"Home Assistant statistics: cannot write {_path} ({e.Message}); the hours go on being counted, but the hour in which han restarts will be missing from the statistics. Make the folder writable for han (under systemd: StateDirectory=han)", NoteLevel.Warning);
                }
            }
        }
    }

    private Dictionary<string, StatisticPosition> Positions() => _positions ??= Load();

    /// <summary>The positions in the file, read once: after that, memory is ahead of the file.</summary>
    private Dictionary<string, StatisticPosition> Load()
    {
        var positions = new Dictionary<string, StatisticPosition>(StringComparer.Ordinal);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(_path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return positions; // the first start: nothing remembered yet
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Unreadable(e.Message);
            return positions;
        }

        try
        {
            using var document = JsonDocument.Parse(bytes);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                Unreadable("not a JSON object");
                return positions;
            }

            var broken = new List<string>();
            foreach (var statistic in document.RootElement.EnumerateObject())
            {
                if (TryRead(statistic.Value, out var position))
                {
                    positions[statistic.Name] = position;
                }
                else
                {
                    broken.Add(statistic.Name);
                }
            }

            if (broken.Count > 0)
            {
                Unreadable($"the entry of {string.Join(", ", broken)} is not {{\"boundary\": time, \"register\": kWh, \"sum\": kWh}}");
            }
        }
        catch (JsonException e)
        {
            positions.Clear();
            Unreadable(e.Message);
        }

        return positions;
    }

    private void Unreadable(string reason) =>
        _report($"Home Assistant statistics: cannot read the hours remembered in {_path} ({reason}); the first hour after this start is left out of the statistics, and the file is written anew", NoteLevel.Warning);

    private static bool TryRead(JsonElement element, out StatisticPosition position)
    {
        position = null!;
        if (element.ValueKind != JsonValueKind.Object
            || !element.TryGetProperty("boundary", out var boundary) || boundary.ValueKind != JsonValueKind.String || !boundary.TryGetDateTimeOffset(out var at)
            || !element.TryGetProperty("register", out var register) || register.ValueKind != JsonValueKind.Number || !register.TryGetDecimal(out var kilowattHours)
            || !element.TryGetProperty("sum", out var sum) || sum.ValueKind != JsonValueKind.Number || !sum.TryGetDecimal(out var total))
        {
            return false;
        }

        position = new StatisticPosition(at.ToUniversalTime(), kilowattHours, total);
        return true;
    }

    /// <summary>Writes a new file beside the old one and moves it over, so that a crash never leaves half a file.</summary>
    private void Save(Dictionary<string, StatisticPosition> positions)
    {
        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(_path));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        var temporary = _path + ".tmp";
        using (var stream = File.Create(temporary))
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            foreach (var (statisticId, position) in positions.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                writer.WriteStartObject(statisticId);
                writer.WriteString("boundary", position.Boundary.ToUniversalTime());
                writer.WriteNumber("register", position.Register);
                writer.WriteNumber("sum", position.Sum);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        File.Move(temporary, _path, overwrite: true);
    }
}
