using Han.TestCorpus;

namespace Han.Pipeline.Tests;

/// <summary>Every Norwegian HDLC, HDLC-stream, LLC and APDU capture decodes to the values its source states.</summary>
public sealed class NorwegianVectorTests
{
    public static TheoryData<string> Cases() => [.. Vectors.Norwegian.Select(c => c.Id)];

    [Fact]
    public void Corpus_HasTheNorwegianCases()
    {
        Assert.True(Vectors.Norwegian.Count() >= 40, "the Norwegian part of the corpus went missing");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decode_NorwegianVector_YieldsStatedReadings(string id) => AssertStatedReadings(id);

    /// <summary>
    /// The variants the Norwegian profiles also cover (issue 2): Kaifa's OBIS/value layout and
    /// Kamstrup's Swedish energy scaling, both from Swedish meters.
    /// </summary>
    [Theory]
    [InlineData("amshan-kaifa-se-list")]
    [InlineData("hassams-kaifa-ma304h4-se-list3")]
    [InlineData("amsreader-kaifa-se-gh242-4-ct-uint64")]
    [InlineData("amshan-kamstrup-se-list1-3ph-real")]
    [InlineData("amsreader-kamstrup-se-gh239-2-list2")]
    public void Decode_KaifaObisVariantAndSwedishKamstrup_YieldsStatedReadings(string id) => AssertStatedReadings(id);

    private static void AssertStatedReadings(string id)
    {
        var vector = Vectors.ById(id);

        var result = RecordingObserver.Decode(vector.Input, vector.Country);

        Assert.Equal(vector.ExpectReadings, result.Readings.Count);
        if (vector.ExpectReadings == 0)
        {
            Assert.NotEmpty(result.Problems);
            return;
        }

        var mismatches = ExpectedValues.Mismatches(vector, result.ReadingJson[^1]);
        Assert.True(mismatches.Count == 0, string.Join(Environment.NewLine, mismatches) + Environment.NewLine + result.ReadingJson[^1]);
    }
}
