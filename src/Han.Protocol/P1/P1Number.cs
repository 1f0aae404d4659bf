namespace Han.Protocol.P1;

/// <summary>
/// A number as a P1 value group writes it, kept exact: <see cref="Mantissa"/> × 10^<see cref="Exponent"/>
/// (<c>01.193*kW</c> is 1193 × 10⁻³ with unit <c>kW</c>). <see cref="Unit"/> is the text after <c>*</c>,
/// empty when the group has none; it points into the telegram.
/// </summary>
public readonly ref struct P1Number
{
    public P1Number(long mantissa, int exponent, ReadOnlySpan<byte> unit)
    {
        Mantissa = mantissa;
        Exponent = exponent;
        Unit = unit;
    }

    public long Mantissa { get; }

    /// <summary>Minus the number of digits written after the decimal point.</summary>
    public int Exponent { get; }

    public ReadOnlySpan<byte> Unit { get; }

    public bool HasUnit => !Unit.IsEmpty;
}
