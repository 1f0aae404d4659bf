using Han.Readings;

namespace Han.Storage;

/// <summary>The per-minute power of the lists of one write, by meter and minute, before it is merged with what is stored.</summary>
internal sealed class MinuteBatch
{
    private readonly Dictionary<(int Meter, long Minute), (PowerAccumulator Import, PowerAccumulator Export)> _minutes = [];

    public IEnumerable<((int Meter, long Minute) Key, PowerAccumulator Import, PowerAccumulator Export)> Minutes =>
        _minutes.Select(entry => (entry.Key, entry.Value.Import, entry.Value.Export));

    /// <summary>Adds a list's active power import and export, when it has them, to its minute (by receive time).</summary>
    public void Add(int meter, DateTimeOffset received, MeterReading reading)
    {
        var import = reading[ReadingField.ActivePowerImport];
        var export = reading[ReadingField.ActivePowerExport];
        if (import is null && export is null)
        {
            return;
        }

        var key = (meter, StoreTime.MinuteOf(received));
        if (!_minutes.TryGetValue(key, out var minute))
        {
            minute = (new PowerAccumulator(), new PowerAccumulator());
            _minutes[key] = minute;
        }

        if (import is { } importWatts)
        {
            minute.Import.Add((double)importWatts);
        }

        if (export is { } exportWatts)
        {
            minute.Export.Add((double)exportWatts);
        }
    }
}
