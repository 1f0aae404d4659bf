namespace Han.Protocol.Axdr;

/// <summary>Facts about each <see cref="DataType"/>: its standard name and how its length is encoded.</summary>
public static class DataTypeInfo
{
    /// <summary>Every tag's <see cref="FixedSize"/>, looked up by byte on the reader's hot path.</summary>
    private static readonly sbyte[] FixedSizes = BuildFixedSizes();

    /// <summary>Payload size for fixed-size types; -1 for types that carry a length or count; -2 for unknown tags.</summary>
    public static int FixedSize(DataType type) => FixedSizes[(byte)type];

    private static sbyte[] BuildFixedSizes()
    {
        var sizes = new sbyte[256];
        for (var tag = 0; tag < sizes.Length; tag++)
        {
            sizes[tag] = (sbyte)Classify((DataType)tag);
        }

        return sizes;
    }

    private static int Classify(DataType type) => type switch
    {
        DataType.NullData => 0,
        DataType.Boolean or DataType.Bcd or DataType.Integer or DataType.Unsigned or DataType.Enum => 1,
        DataType.Long or DataType.LongUnsigned => 2,
        DataType.DoubleLong or DataType.DoubleLongUnsigned or DataType.Float32 or DataType.Time => 4,
        DataType.Date => 5,
        DataType.Long64 or DataType.Long64Unsigned or DataType.Float64 => 8,
        DataType.DateTime => 12,
        DataType.Array or DataType.Structure or DataType.BitString or DataType.OctetString
            or DataType.VisibleString or DataType.Utf8String or DataType.CompactArray => -1,
        _ => -2,
    };

    public static bool IsKnown(DataType type) => FixedSize(type) != -2;

    public static bool IsContainer(DataType type) => type is DataType.Array or DataType.Structure;

    public static bool IsInteger(DataType type) => type is DataType.Integer or DataType.Long or DataType.DoubleLong or DataType.Long64
        or DataType.Unsigned or DataType.LongUnsigned or DataType.DoubleLongUnsigned or DataType.Long64Unsigned or DataType.Enum;

    /// <summary>The standard's name (Blue Book table 2), as shown in debugging views.</summary>
    public static string Name(DataType type) => type switch
    {
        DataType.NullData => "null-data",
        DataType.Array => "array",
        DataType.Structure => "structure",
        DataType.Boolean => "boolean",
        DataType.BitString => "bit-string",
        DataType.DoubleLong => "double-long",
        DataType.DoubleLongUnsigned => "double-long-unsigned",
        DataType.OctetString => "octet-string",
        DataType.VisibleString => "visible-string",
        DataType.Utf8String => "utf8-string",
        DataType.Bcd => "bcd",
        DataType.Integer => "integer",
        DataType.Long => "long",
        DataType.Unsigned => "unsigned",
        DataType.LongUnsigned => "long-unsigned",
        DataType.CompactArray => "compact-array",
        DataType.Long64 => "long64",
        DataType.Long64Unsigned => "long64-unsigned",
        DataType.Enum => "enum",
        DataType.Float32 => "float32",
        DataType.Float64 => "float64",
        DataType.DateTime => "date-time",
        DataType.Date => "date",
        DataType.Time => "time",
        _ => "unknown",
    };
}
