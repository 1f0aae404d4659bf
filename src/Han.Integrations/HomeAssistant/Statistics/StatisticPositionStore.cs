using System.Text.Json;
using Han.Live.Fanout;
using Han.Readings.Json;
using Entry = Han.Integrations.HomeAssistant.Statistics.StatisticMemoryJson.Entry;

namespace Han.Integrations.HomeAssistant.Statistics;

/// <summary>
/// Remembers, per statistic, the last hourly register han closed (<see cref="StatisticPosition"/>) and the
/// rows still waiting for Home Assistant, so that neither the hour in which han restarts (a service
/// restart, an upgrade, a reboot) nor the hours queued while Home Assistant was away are missing from Home
/// Assistant's statistics for ever. One small JSON file in han's state folder (<see cref="StatisticMemoryJson"/>),
/// whose path the caller gives (<c>$STATE_DIRECTORY/homeassistant-statistics.json</c> under systemd), shared by
/// the meters of one <c>han run</c>. Keyed by statistic id, which holds the meter id: another meter on the
/// same port never resumes from this one's register. A file that is missing is nothing remembered; one that
/// cannot be read is told once and then written anew; trouble writing is told once, and han goes on
/// counting in memory.
/// </summary>
public sealed class StatisticPositionStore
{
    private readonly string _path;
    private readonly Action<string, NoteLevel> _report;
    private readonly Lock _gate = new();
    private Dictionary<string, Entry>? _entries;
    private bool _writeTroubleSaid;

    public StatisticPositionStore(string path, Action<string, NoteLevel> report)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        _path = path;
        _report = report ?? throw new ArgumentNullException(nameof(report));
    }

    /// <summary>Where the positions are kept.</summary>
    public string Path => _path;

    /// <summary>True while the file holds what han remembers (the last write worked, or none was needed yet).</summary>
    public bool Written
    {
        get
        {
            lock (_gate)
            {
                return !_writeTroubleSaid;
            }
        }
    }

    /// <summary>The position remembered for <paramref name="statisticId"/>, or null.</summary>
    public StatisticPosition? Recall(string statisticId)
    {
        ArgumentNullException.ThrowIfNull(statisticId);
        lock (_gate)
        {
            return Entries().GetValueOrDefault(statisticId)?.Position;
        }
    }

    /// <summary>The rows of <paramref name="statisticId"/> that were waiting for Home Assistant when they were last remembered, oldest first.</summary>
    public IReadOnlyList<StatisticRow> RecallWaiting(string statisticId)
    {
        ArgumentNullException.ThrowIfNull(statisticId);
        lock (_gate)
        {
            return Entries().GetValueOrDefault(statisticId)?.Waiting ?? [];
        }
    }

    /// <summary>Remembers <paramref name="position"/> for <paramref name="statisticId"/> and writes the file (once an hour per register: cheap).</summary>
    public void Remember(string statisticId, StatisticPosition position)
    {
        ArgumentNullException.ThrowIfNull(statisticId);
        ArgumentNullException.ThrowIfNull(position);
        lock (_gate)
        {
            var entries = Entries();
            var waiting = entries.GetValueOrDefault(statisticId)?.Waiting ?? [];
            entries[statisticId] = new Entry(position, waiting);
            Write(entries);
        }
    }

    /// <summary>
    /// Remembers the rows of <paramref name="statisticId"/> waiting for Home Assistant (all of them: those
    /// remembered before are replaced) and writes the file: when rows are queued and when Home Assistant has
    /// taken them, about once an hour.
    /// </summary>
    public void RememberWaiting(string statisticId, IReadOnlyList<StatisticRow> rows)
    {
        ArgumentNullException.ThrowIfNull(statisticId);
        ArgumentNullException.ThrowIfNull(rows);
        lock (_gate)
        {
            var entries = Entries();
            var position = entries.GetValueOrDefault(statisticId)?.Position;
            if (position is null && rows.Count == 0)
            {
                if (entries.Remove(statisticId))
                {
                    Write(entries);
                }

                return;
            }

            entries[statisticId] = new Entry(position, [.. rows]);
            Write(entries);
        }
    }

    private void Write(Dictionary<string, Entry> entries)
    {
        try
        {
            Save(entries);
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
                _report($"Home Assistant statistics: cannot write {_path} ({e.Message}); the hours go on being counted, but when han stops, the hour it stops in and the hours still waiting for Home Assistant will be missing from the statistics. Make the folder writable for han (under systemd: StateDirectory=han)", NoteLevel.Warning);
            }
        }
    }

    private Dictionary<string, Entry> Entries() => _entries ??= Load();

    /// <summary>What the file holds, read once: after that, memory is ahead of the file.</summary>
    private Dictionary<string, Entry> Load()
    {
        var entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(_path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return entries; // the first start: nothing remembered yet
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Unreadable(e.Message);
            return entries;
        }

        try
        {
            using var document = JsonDocument.Parse(bytes);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                Unreadable("not a JSON object");
                return entries;
            }

            var broken = new List<string>();
            foreach (var statistic in document.RootElement.EnumerateObject())
            {
                if (StatisticMemoryJson.TryRead(statistic.Value, out var entry))
                {
                    entries[statistic.Name] = entry;
                }
                else
                {
                    broken.Add(statistic.Name);
                }
            }

            if (broken.Count > 0)
            {
                Unreadable($"the entry of {string.Join(", ", broken)} is not {StatisticMemoryJson.Shape}");
            }
        }
        catch (JsonException e)
        {
            entries.Clear();
            Unreadable(e.Message);
        }

        return entries;
    }

    private void Unreadable(string reason) =>
        _report($"Home Assistant statistics: cannot read the hours remembered in {_path} ({reason}); the first hour after this start, and any hours it held that were waiting for Home Assistant, are left out of the statistics, and the file is written anew", NoteLevel.Warning);

    /// <summary>Writes a new file beside the old one and moves it over, so that a crash never leaves half a file.</summary>
    private void Save(Dictionary<string, Entry> entries)
    {
        AtomicJsonFile.Write(_path, writer => StatisticMemoryJson.Write(writer, entries.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => (e.Key, e.Value))));
    }
}
