using Han.Protocol.Axdr;
using Han.Protocol.Dlms;
using Han.TestCorpus;

namespace Han.Protocol.Tests.Axdr;

/// <summary>Skipping whole values: nesting, the depth limit, compact arrays.</summary>
public sealed partial class AxdrReaderTests
{
    [Fact]
    public void SkipValue_NestedStructure_LandsOnTheNextValue()
    {
        var data = Bytes.Hex(
            "02 04" +               // structure of 4 members
            "  01 02" +             //   array of 2
            "    02 02" +           //     structure of 2
            "      11 01" +         //       unsigned 1
            "      09 02 AA BB" +   //       octet-string AA BB
            "    02 00" +           //     empty structure
            "  10 FF CD" +          //   long -51
            "  0A 01 41" +          //   visible-string "A"
            "  00" +                //   null-data
            "11 07");               // the next value, at offset 21
        var reader = new AxdrReader(data);

        reader.SkipValue();

        Assert.Equal(21, reader.Position);
        var next = reader.Read();
        Assert.Equal(DataType.Unsigned, next.Type);
        Assert.Equal(7, next.Payload[0]);
        Assert.True(reader.IsAtEnd);
    }

    [Fact]
    public void SkipValue_Scalar_SkipsOnlyThatScalar()
    {
        var reader = new AxdrReader(Bytes.Hex("06 00 00 05 28 11 01"));

        reader.SkipValue();

        Assert.Equal(5, reader.Position);
    }

    [Theory]
    [InlineData("amshan-aidon-no-list2")]
    [InlineData("amshan-kaifa-no-list2")]
    [InlineData("amshan-kamstrup-no-list2-1ph-real")]
    [InlineData("roarfred-kaifa-obisdata-list3")]
    public void SkipValue_RealNotificationBody_ConsumesTheWholeBody(string id)
    {
        var information = Vectors.ById(id).Input;
        var notification = DataNotification.Parse(information.AsSpan(3));
        var reader = new AxdrReader(notification.Body);

        reader.SkipValue();

        Assert.True(reader.IsAtEnd, $"{reader.Remaining} bytes left after the body");
    }

    [Fact]
    public void SkipValue_NestedExactlyMaxDepth_Succeeds()
    {
        // MaxDepth arrays around one null: the null sits MaxDepth levels below the outermost value.
        var reader = new AxdrReader(NestedArrays(AxdrReader.MaxDepth));

        reader.SkipValue();

        Assert.True(reader.IsAtEnd);
    }

    [Fact]
    public void SkipValue_NestedOneDeeperThanMaxDepth_ThrowsNestingTooDeep()
    {
        var error = SkipError(NestedArrays(AxdrReader.MaxDepth + 1));

        Assert.Equal(DecodeError.NestingTooDeep, error.Error);
        Assert.Equal(DecodeLayer.Axdr, error.Layer);
    }

    [Fact]
    public void SkipValue_HundredThousandLevels_ThrowsNestingTooDeepNotStackOverflow()
    {
        var error = SkipError(NestedArrays(100_000));

        Assert.Equal(DecodeError.NestingTooDeep, error.Error);
    }

    [Fact]
    public void Read_CompactArrayOfUnsigned_PayloadIsTheContents()
    {
        // compact-array: type description (unsigned), then the contents as a length-prefixed octet string.
        var reader = new AxdrReader(Bytes.Hex("13 11 03 01 02 03 0F 01"));

        var element = reader.Read();

        Assert.Equal(DataType.CompactArray, element.Type);
        Assert.Equal(3, element.HeaderLength);
        Assert.Equal(new byte[] { 1, 2, 3 }, element.Payload.ToArray());
        Assert.Equal(6, reader.Position);
    }

    [Fact]
    public void Read_CompactArrayWithArrayDescription_SkipsTheUnsigned16Count()
    {
        // description: array (01), number-of-elements 00 02 (Unsigned16), element type long-unsigned (12)
        var reader = new AxdrReader(Bytes.Hex("13 01 00 02 12 04 00 01 00 02 11 09"));

        var element = reader.Read();

        Assert.Equal(6, element.HeaderLength);
        Assert.Equal(4, element.Payload.Length);
        Assert.Equal(10, reader.Position);
    }

    [Fact]
    public void SkipValue_StructureHoldingCompactArrays_LandsOnTheNextValue()
    {
        var data = Bytes.Hex(
            "02 02" +                       // structure of 2
            "  13 02 02 11 12 03 01 00 02" + // compact-array of structure {unsigned, long-unsigned}, 3 content bytes
            "  13 01 00 01 02 01 16 01 1B" + // compact-array of array[1] of structure {enum}, 1 content byte
            "11 2A");                       // next value at offset 20
        var reader = new AxdrReader(data);

        reader.SkipValue();

        Assert.Equal(20, reader.Position);
        Assert.Equal(DataType.Unsigned, reader.PeekType());
    }

    [Fact]
    public void Read_CompactArrayWithUnknownTypeInDescription_ThrowsUnknownDataType()
    {
        var error = ReadError(Bytes.Hex("13 02 02 11 07 01 00"));

        Assert.Equal(DecodeError.UnknownDataType, error.Error);
    }

    [Fact]
    public void Read_CompactArrayContentsCutShort_ThrowsUnexpectedEnd()
    {
        var error = ReadError(Bytes.Hex("13 11 05 01 02"));

        Assert.Equal(DecodeError.UnexpectedEnd, error.Error);
    }

    [Fact]
    public void Read_CompactArrayDescriptionCutShort_ThrowsUnexpectedEnd()
    {
        var error = ReadError(Bytes.Hex("13 01 00"));

        Assert.Equal(DecodeError.UnexpectedEnd, error.Error);
    }

    [Fact]
    public void Read_CompactArrayDescriptionNestedTooDeep_ThrowsNestingTooDeep()
    {
        var description = Enumerable.Repeat(Bytes.Hex("01 00 01"), 10_000).SelectMany(b => b);
        byte[] data = [0x13, .. description, 0x11, 0x00];

        var error = ReadError(data);

        Assert.Equal(DecodeError.NestingTooDeep, error.Error);
    }
}
