using Han.Protocol.Axdr;

namespace Han.Protocol.Tests.Axdr;

public sealed class DataTypeInfoTests
{
    /// <summary>protocol.md §5.1: tag, standard name, payload size after the tag (-1 = length or count follows).</summary>
    public static TheoryData<byte, string, int> SpecTable() => new()
    {
        { 0x00, "null-data", 0 },
        { 0x01, "array", -1 },
        { 0x02, "structure", -1 },
        { 0x03, "boolean", 1 },
        { 0x04, "bit-string", -1 },
        { 0x05, "double-long", 4 },
        { 0x06, "double-long-unsigned", 4 },
        { 0x09, "octet-string", -1 },
        { 0x0A, "visible-string", -1 },
        { 0x0C, "utf8-string", -1 },
        { 0x0D, "bcd", 1 },
        { 0x0F, "integer", 1 },
        { 0x10, "long", 2 },
        { 0x11, "unsigned", 1 },
        { 0x12, "long-unsigned", 2 },
        { 0x13, "compact-array", -1 },
        { 0x14, "long64", 8 },
        { 0x15, "long64-unsigned", 8 },
        { 0x16, "enum", 1 },
        { 0x17, "float32", 4 },
        { 0x18, "float64", 8 },
        { 0x19, "date-time", 12 },
        { 0x1A, "date", 5 },
        { 0x1B, "time", 4 },
    };

    [Theory]
    [MemberData(nameof(SpecTable))]
    public void FixedSize_EverySpecTag_MatchesTheTable(byte tag, string name, int size)
    {
        Assert.True(DataTypeInfo.IsKnown((DataType)tag), name);
        Assert.Equal(size, DataTypeInfo.FixedSize((DataType)tag));
    }

    [Theory]
    [MemberData(nameof(SpecTable))]
    public void Name_EverySpecTag_IsTheStandardName(byte tag, string name, int size)
    {
        _ = size;
        Assert.Equal(name, DataTypeInfo.Name((DataType)tag));
    }

    [Fact]
    public void DataType_Members_AreExactlyTheSpecTags()
    {
        var specTags = SpecTable().Select(row => (byte)row[0]).Order().ToArray();
        var enumTags = Enum.GetValues<DataType>().Select(t => (byte)t).Order().ToArray();

        Assert.Equal(specTags, enumTags);
    }

    [Theory]
    [InlineData(0x07)] // floating-point: not usable in DLMS
    [InlineData(0x0B)] // time of IEC 61334-4-41: not usable in DLMS
    [InlineData(0x08)]
    [InlineData(0x0E)]
    [InlineData(0xFF)]
    public void FixedSize_TagOutsideTheTable_IsUnknown(byte tag)
    {
        Assert.Equal(-2, DataTypeInfo.FixedSize((DataType)tag));
        Assert.False(DataTypeInfo.IsKnown((DataType)tag));
        Assert.Equal("unknown", DataTypeInfo.Name((DataType)tag));
    }

    [Fact]
    public void IsContainer_OnlyArrayAndStructure()
    {
        var containers = Enum.GetValues<DataType>().Where(DataTypeInfo.IsContainer);

        Assert.Equal([DataType.Array, DataType.Structure], containers.Order());
    }

    [Fact]
    public void IsInteger_SignedUnsignedAndEnumOfEveryWidth()
    {
        DataType[] expected =
        [
            DataType.DoubleLong, DataType.DoubleLongUnsigned, DataType.Integer, DataType.Long, DataType.Unsigned,
            DataType.LongUnsigned, DataType.Long64, DataType.Long64Unsigned, DataType.Enum,
        ];

        var integers = Enum.GetValues<DataType>().Where(DataTypeInfo.IsInteger);

        Assert.Equal(expected.Order(), integers.Order());
    }
}
