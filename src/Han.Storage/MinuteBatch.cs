using Han.Readings;

namespace Han.Storage;

/// <summary>The per-minute power of a set of lists, by meter and minute, before it is written to the store.</summary>
internal sealed class MinuteBatch
{
    private readonly Dictionary<(int Meter, long Minute), (PowerAccumulator Import, PowerAccumulator Export)> _minutes = [];

    public IEnumerable<((int Meter, long Minute) Key, PowerAccumulator Import, PowerAccumulator Export)> Minutes =>
        _minutes.Select(entry => (entry.Key, entry.Value.Import, entry.Value.Export));

    /// <summary>How many minutes are held.</summary>
    public int Count => _minutes.Count;

    /// <summary>Adds a list's active power import and export, when it has them, to its minute (by receive time); false when it has neither.</summary>
    public bool Add(int meter, DateTimeOffset received, MeterReading reading)
    {
        var import = reading[ReadingField.ActivePowerImport];
        var export = reading[ReadingField.ActivePowerExport];
        if (import is null && export is null)
        {
            return false;
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

        return true;
    }

    /// <summary>Removes and returns the minutes of <paramref name="meter"/> that start before <paramref name="before"/> (Unix ms), oldest first.</summary>
    public List<MinutePower> TakeBefore(int meter, string name, long before)
    {
        var taken = new List<MinutePower>();
        foreach (var ((owner, minute), (import, export)) in _minutes)
        {
            if (owner == meter && minute < before)
            {
                taken.Add(new MinutePower(name, StoreTime.FromStored(minute), import.MergedWith(null), export.MergedWith(null)));
            }
        }

        foreach (var power in taken)
        {
            _minutes.Remove((meter, StoreTime.ToStored(power.Start)));
        }

        taken.Sort((a, b) => a.Start.CompareTo(b.Start));
        return taken;
    }
}
