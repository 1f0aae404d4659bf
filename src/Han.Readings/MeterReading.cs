using System.Runtime.CompilerServices;

namespace Han.Readings;

/// <summary>
/// One push from a meter in the reading schema (DESIGN.md §2.2). A field the meter did not send is
/// absent (<see cref="TryGet"/> returns false), never zero.
/// </summary>
public sealed class MeterReading
{
    /// <summary>Room for every <see cref="ReadingField"/> (a test keeps the enum within it).</summary>
    internal const int MaxFields = 40;

    private MeasurementSlots _values;
    private ulong _present;
    private List<ObisValue>? _other;

    public string? MeterManufacturer { get; set; }

    public string? MeterId { get; set; }

    public string? MeterType { get; set; }

    /// <summary>The list identifier the meter sent (AIDON_V0001, KFM_001, Kamstrup_V0001, ...).</summary>
    public string? ListVersion { get; set; }

    public MeterClock? MeterTime { get; set; }

    /// <summary>The profile that interpreted the list (for diagnostics, not part of the schema).</summary>
    public string Profile { get; set; } = string.Empty;

    /// <summary>Number of elements in the pushed list.</summary>
    public int ListLength { get; set; }

    /// <summary>Values with no schema key, in the order the meter sent them.</summary>
    public IReadOnlyList<ObisValue> Other => (IReadOnlyList<ObisValue>?)_other ?? [];

    public bool Has(ReadingField field) => (_present & (1UL << (int)field)) != 0;

    public bool TryGet(ReadingField field, out Measurement value)
    {
        value = _values[(int)field];
        return Has(field);
    }

    /// <summary>The value as an exact decimal in the schema unit, or null when the meter did not send it.</summary>
    public decimal? this[ReadingField field] => Has(field) ? _values[(int)field].ToDecimal() : null;

    public void Set(ReadingField field, Measurement value)
    {
        _values[(int)field] = value;
        _present |= 1UL << (int)field;
    }

    public void AddOther(ObisValue value) => (_other ??= []).Add(value);

    /// <summary>The fields present, in schema order.</summary>
    public IEnumerable<(ReadingField Field, Measurement Value)> Values()
    {
        for (var i = 0; i < ReadingFieldInfo.Count; i++)
        {
            if ((_present & (1UL << i)) != 0)
            {
                yield return ((ReadingField)i, _values[i]);
            }
        }
    }

    [InlineArray(MaxFields)]
    private struct MeasurementSlots
    {
        private Measurement _first;
    }
}
