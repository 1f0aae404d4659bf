using Han.TestCorpus;

namespace Han.Readings.Tests.P1;

public sealed class P1CorpusTests
{
    public static TheoryData<string> DsmrVectors() =>
        [.. Vectors.All.Where(c => c.Kind == "dsmr").Select(c => c.Id)];

    [Theory]
    [MemberData(nameof(DsmrVectors))]
    public void Decode_DsmrVector_GivesTheExpectedReadingsAndStatedValues(string id)
    {
        var vector = Vectors.ById(id);

        var readings = P1Decoding.DecodeAll(vector.Input);

        Assert.Equal(vector.ExpectReadings, readings.Count);
        if (readings.Count > 0)
        {
            Assert.Empty(ExpectedValues.Mismatches(vector, P1Decoding.Json(readings[^1])));
        }
    }
}
