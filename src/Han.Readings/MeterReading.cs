using System.Runtime.CompilerServices;
using Han.Protocol.Cosem;

namespace Han.Readings;

/// <summary>
/// One push from a meter in the reading schema (DESIGN.md §2.2). A field the meter did not send is
/// absent (<see cref="TryGet"/> returns false), never zero.
/// </summary>
public sealed class MeterReading
{
    /// <summary>Room for every <see cref="ReadingField"/> (a test keeps the enum within it).</summary>
    internal const int MaxFields = 40;

    private Mantissas _mantissas;
    private Exponents _exponents;
    private ulong _present;
    private List<ObisValue>? _other;
    private List<(int Index, CosemValue Value)>? _unnamed;
    private List<ReadingRemark>? _remarks;

    public string? MeterManufacturer { get; set; }

    public string? MeterId { get; set; }

    public string? MeterType { get; set; }

    /// <summary>The list identifier the meter sent (AIDON_V0001, KFM_001, Kamstrup_V0001, ...).</summary>
    public string? ListVersion { get; set; }

    public MeterClock? MeterTime { get; set; }

    /// <summary>
    /// When the bytes that completed this reading arrived (UTC), on a live source; null for a file
    /// without receive times. Kept next to the meter's own clock, never in place of it.
    /// </summary>
    public DateTimeOffset? Received { get; set; }

    /// <summary>The profile that interpreted the list (for diagnostics, not part of the schema).</summary>
    public string Profile { get; set; } = string.Empty;

    /// <summary>Number of elements in the pushed list.</summary>
    public int ListLength { get; set; }

    /// <summary>Values with no schema key, in the order the meter sent them.</summary>
    public IReadOnlyList<ObisValue> Other => (IReadOnlyList<ObisValue>?)_other ?? [];

    /// <summary>
    /// Values the meter sent without a name (no OBIS code, no known position), by their position in the
    /// list. Shown by the text and fields views; not part of the JSON schema, which keys values by OBIS.
    /// </summary>
    public IReadOnlyList<(int Index, CosemValue Value)> Unnamed => (IReadOnlyList<(int, CosemValue)>?)_unnamed ?? [];

    /// <summary>What the decoder could not fully interpret in this list (an unknown layout, say); reported as problems.</summary>
    public IReadOnlyList<ReadingRemark> Remarks => (IReadOnlyList<ReadingRemark>?)_remarks ?? [];

    public bool Has(ReadingField field) => (_present & (1UL << (int)field)) != 0;

    public bool TryGet(ReadingField field, out Measurement value)
    {
        value = new Measurement(_mantissas[(int)field], _exponents[(int)field]);
        return Has(field);
    }

    /// <summary>The value as an exact decimal in the schema unit, or null when the meter did not send it.</summary>
    public decimal? this[ReadingField field] => TryGet(field, out var value) ? value.ToDecimal() : null;

    public void Set(ReadingField field, Measurement value)
    {
        if (value.Exponent is < short.MinValue or > short.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value.Exponent, "A reading keeps decimal exponents within ±32767.");
        }

        _mantissas[(int)field] = value.Mantissa;
        _exponents[(int)field] = (short)value.Exponent;
        _present |= 1UL << (int)field;
    }

    /// <summary>
    /// Adds a value under its OBIS code, unless the reading already has one under that code: the first
    /// is kept (the <c>obis</c> object of the JSON reading has unique keys). False when it was not added.
    /// </summary>
    public bool AddOther(ObisValue value)
    {
        if (HasOther(value.Code))
        {
            return false;
        }

        (_other ??= []).Add(value);
        return true;
    }

    /// <summary>True when the reading has an <c>obis</c> value under <paramref name="code"/>.</summary>
    public bool HasOther(ObisCode code)
    {
        if (_other is null)
        {
            return false;
        }

        foreach (var other in _other)
        {
            if (other.Code.Packed == code.Packed)
            {
                return true;
            }
        }

        return false;
    }

    public void AddUnnamed(int index, CosemValue value) => (_unnamed ??= []).Add((index, value));

    public void AddRemark(ReadingRemark remark) => (_remarks ??= []).Add(remark);

    /// <summary>The fields present, in schema order.</summary>
    public IEnumerable<(ReadingField Field, Measurement Value)> Values()
    {
        for (var i = 0; i < ReadingFieldInfo.Count; i++)
        {
            if ((_present & (1UL << i)) != 0)
            {
                yield return ((ReadingField)i, new Measurement(_mantissas[i], _exponents[i]));
            }
        }
    }

    // Mantissas and exponents apart: 10 bytes a field instead of a padded 16.
    [InlineArray(MaxFields)]
    private struct Mantissas
    {
        private long _first;
    }

    [InlineArray(MaxFields)]
    private struct Exponents
    {
        private short _first;
    }
}
