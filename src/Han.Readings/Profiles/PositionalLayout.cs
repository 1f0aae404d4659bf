using Han.Protocol.Axdr;
using Han.Protocol.Cosem;
using Han.Readings.Lists;

namespace Han.Readings.Profiles;

/// <summary>
/// What each position of a vendor's value-only list means: an OBIS code (or none, when the position's
/// meaning is not documented) and the kind of value expected there. A list matches a layout when it
/// has as many values and each is of the expected kind, so two vendors' layouts of the same length
/// are told apart by their values, not guessed.
/// </summary>
public sealed class PositionalLayout
{
    private readonly (ObisCode? Code, ValueKind Kind)[] _positions;

    public PositionalLayout(params (string? Code, ValueKind Kind)[] positions)
    {
        ArgumentNullException.ThrowIfNull(positions);
        _positions = [.. positions.Select(p => (p.Code is null ? (ObisCode?)null : ObisCode.Parse(p.Code), p.Kind))];
    }

    public int Count => _positions.Length;

    /// <summary>The code of a position; null where the meaning is not known.</summary>
    public ObisCode? CodeAt(int index) => _positions[index].Code;

    /// <summary>True when the list has this many values, each of the expected kind.</summary>
    public bool Matches(PushListReader list)
    {
        if (list.Count != _positions.Length || list.Shape != ListShape.Positional)
        {
            return false;
        }

        var index = 0;
        while (list.TryRead(out var entry))
        {
            if (index >= _positions.Length || !Fits(entry.Value, _positions[index].Kind))
            {
                return false;
            }

            index++;
        }

        return index == _positions.Length;
    }

    /// <summary>A switch's state is a boolean (its output state) or an enum (its control state, Blue Book class 70).</summary>
    private static bool Fits(in AxdrElement value, ValueKind kind) =>
        kind == ValueKind.Flag ? value.Type is DataType.Boolean or DataType.Enum : KindOf(value) == kind;

    private static ValueKind? KindOf(in AxdrElement value)
    {
        if (value.IsInteger || value.Type is DataType.Float32 or DataType.Float64)
        {
            return ValueKind.Number;
        }

        if (value.IsDateTime && value.ToDateTime().IsWellFormed)
        {
            return ValueKind.Time;
        }

        if (value.Type == DataType.Boolean)
        {
            return ValueKind.Flag;
        }

        if (value.IsContainer)
        {
            return ValueKind.Container;
        }

        return value.Type is DataType.OctetString or DataType.VisibleString or DataType.Utf8String ? ValueKind.Text : null;
    }
}
