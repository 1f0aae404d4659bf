using Han.Readings;

namespace Han.Simulation.Vendors;

/// <summary>A wire integer narrowed to its A-XDR type, refusing what does not fit rather than wrapping around.</summary>
internal static class WireInteger
{
    public static uint DoubleLongUnsigned(long raw, ReadingField field) =>
        raw is >= 0 and <= uint.MaxValue ? (uint)raw : throw OutOfRange(raw, field, "double-long-unsigned");

    public static short Long(long raw, ReadingField field) =>
        raw is >= short.MinValue and <= short.MaxValue ? (short)raw : throw OutOfRange(raw, field, "long");

    public static ushort LongUnsigned(long raw, ReadingField field) =>
        raw is >= 0 and <= ushort.MaxValue ? (ushort)raw : throw OutOfRange(raw, field, "long-unsigned");

    private static ArgumentOutOfRangeException OutOfRange(long raw, ReadingField field, string type) =>
        new(nameof(raw), raw, $"{ReadingFieldInfo.Of(field).Key} does not fit a {type}");
}
