using Han.Protocol;
using Han.TestCorpus;

namespace Han.Pipeline.Tests;

/// <summary>
/// Every capture from outside Norway (issue 3): M-Bus, block transfer, encrypted frames with their
/// published keys, DSMR P1 and Smarty telegrams decode to the values their sources state; encrypted
/// ones fail with the right error without a key or with a wrong one.
/// </summary>
public sealed class EuropeanVectorTests
{
    private const string WrongKeyHex = "0F0E0D0C0B0A09080706050403020100";

    public static TheoryData<string> Cases() => [.. Vectors.All.Where(c => c.Country != "NO").Select(c => c.Id)];

    public static TheoryData<string> EncryptedCases() =>
        [.. Vectors.All.Where(c => c.KeyHex is not null && c.ExpectReadings > 0).Select(c => c.Id)];

    [Fact]
    public void Corpus_HasTheEuropeanKinds()
    {
        var kinds = Vectors.All.Where(c => c.Country != "NO").Select(c => c.Kind).ToHashSet();

        Assert.Superset(new HashSet<string> { "hdlc", "mbus", "apdu", "dsmr", "dsmr-encrypted", "hdlc-stream", "llc" }, kinds);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decode_EuropeanVector_YieldsStatedReadings(string id)
    {
        var vector = Vectors.ById(id);

        var result = RecordingObserver.Decode(vector);

        Assert.Equal(vector.ExpectReadings, result.Readings.Count);
        if (vector.ExpectReadings == 0)
        {
            Assert.NotEmpty(result.Problems);
            return;
        }

        var mismatches = ExpectedValues.Mismatches(vector, result.ReadingJson[^1]);
        Assert.True(mismatches.Count == 0, string.Join(Environment.NewLine, mismatches) + Environment.NewLine + result.ReadingJson[^1]);
    }

    [Theory]
    [MemberData(nameof(EncryptedCases))]
    public void Decode_EncryptedVectorWithoutKey_SaysAKeyIsNeeded(string id)
    {
        var vector = Vectors.ById(id);

        var result = RecordingObserver.Decode(vector, withKeys: false);

        Assert.Empty(result.Readings);
        var problem = Assert.Single(result.Problems, p => p.Layer == DecodeLayer.Dlms);
        Assert.Equal(DecodeError.Encrypted, problem.Error);
        Assert.Contains("a key is needed", problem.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(EncryptedCases))]
    public void Decode_EncryptedVectorWithAWrongKey_FailsWithTheRightError(string id)
    {
        var vector = Vectors.ById(id) with { KeyHex = WrongKeyHex };

        var result = RecordingObserver.Decode(vector);

        Assert.Empty(result.Readings);
        var problem = Assert.Single(result.Problems, p => p.Layer == DecodeLayer.Dlms);

        // With an authentication key the tag exposes a wrong key; without one, the plaintext does.
        var expected = vector.AuthKeyHex is null ? DecodeError.WrongKey : DecodeError.AuthenticationFailed;
        Assert.Equal(expected, problem.Error);
        Assert.DoesNotContain(WrongKeyHex, problem.Detail, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Decode_NamedListInACipheredFrame_TakesTheManufacturerFromTheSystemTitle()
    {
        // The MA309 list carries no list identifier; its frame's system title starts KFM.
        var result = RecordingObserver.Decode(Vectors.ById("austria-evn-doc-kaifa-ma309"));

        var reading = Assert.Single(result.Readings);
        Assert.Null(reading.ListVersion);
        Assert.Equal("Kaifa", reading.MeterManufacturer);
    }
}
