namespace Han.Protocol.Axdr;

/// <summary>
/// COSEM <c>Data</c> type tags as encoded by A-XDR (Blue Book table 2; IEC 61334-6).
/// Tags 7 and 11 of IEC 61334-4-41 are not used by DLMS and are rejected.
/// </summary>
#pragma warning disable CA1028 // The wire type is one byte.
public enum DataType : byte
#pragma warning restore CA1028
{
    NullData = 0x00,
    Array = 0x01,
    Structure = 0x02,
    Boolean = 0x03,
    BitString = 0x04,
    DoubleLong = 0x05,
    DoubleLongUnsigned = 0x06,
    OctetString = 0x09,
    VisibleString = 0x0A,
    Utf8String = 0x0C,
    Bcd = 0x0D,
    Integer = 0x0F,
    Long = 0x10,
    Unsigned = 0x11,
    LongUnsigned = 0x12,
    CompactArray = 0x13,
    Long64 = 0x14,
    Long64Unsigned = 0x15,
    Enum = 0x16,
    Float32 = 0x17,
    Float64 = 0x18,
    DateTime = 0x19,
    Date = 0x1A,
    Time = 0x1B,
}
