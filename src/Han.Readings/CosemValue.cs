using Han.Protocol.Cosem;

namespace Han.Readings;

/// <summary>One decoded COSEM value, as it leaves the decoder in the <c>obis</c> part of a reading.</summary>
public abstract record CosemValue
{
    private CosemValue()
    {
    }

    /// <summary>A number, already scaled when the meter (or its profile) gave a scaler; the unit when known.</summary>
    public sealed record Number(Measurement Value, CosemUnit? Unit) : CosemValue;

    public sealed record Text(string Value) : CosemValue;

    public sealed record Time(CosemDateTime Value) : CosemValue;

    /// <summary>Bytes that are not text (shown as hex). Read-only: readings may share one instance.</summary>
    public sealed record Bytes(ReadOnlyMemory<byte> Value) : CosemValue;

    public sealed record Boolean(bool Value) : CosemValue;

    public sealed record Null : CosemValue;
}
