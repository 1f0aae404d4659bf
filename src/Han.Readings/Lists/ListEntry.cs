using Han.Protocol.Axdr;
using Han.Protocol.Cosem;

namespace Han.Readings.Lists;

/// <summary>
/// One value of a push list: its position, its OBIS code when the list names it, the value itself and
/// the scaler_unit when the meter sent one. <see cref="Encoded"/> holds the value's complete encoding
/// (for a container value: with all its elements).
/// </summary>
public readonly ref struct ListEntry
{
    public ListEntry(int index, ObisCode? obis, AxdrElement value, ReadOnlySpan<byte> encoded, ScalerUnit? scaling)
    {
        Index = index;
        Obis = obis;
        Value = value;
        Encoded = encoded;
        Scaling = scaling;
    }

    /// <summary>Position in the list (element index in the root container).</summary>
    public int Index { get; }

    public ObisCode? Obis { get; }

    public AxdrElement Value { get; }

    public ReadOnlySpan<byte> Encoded { get; }

    public ScalerUnit? Scaling { get; }
}
