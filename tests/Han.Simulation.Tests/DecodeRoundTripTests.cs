using Han.Simulation.Vendors;

namespace Han.Simulation.Tests;

/// <summary>Every list of every vendor, phase count and grid decodes through the real decoder to exactly what the simulator says it sent.</summary>
public sealed class DecodeRoundTripTests
{
    public static TheoryData<string, int, Grid> Meters()
    {
        var data = new TheoryData<string, int, Grid>();
        foreach (var vendor in MeterVendors.Keys)
        {
            foreach (var phases in (int[])[1, 3])
            {
                foreach (var grid in Enum.GetValues<Grid>())
                {
                    data.Add(vendor, phases, grid);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Meters))]
    public void Decode_AnHourAndAHalf_GivesEveryListAsSent(string vendor, int phases, Grid grid)
    {
        var run = Simulation.For(vendor, TimeSpan.FromMinutes(90), phases, grid);

        var decoded = Decoded.From(run.Stream);

        Assert.Empty(decoded.Problems);
        Assert.Equal(run.Sent.Count, decoded.Readings.Count);
        Assert.Contains(run.Sent, transmission => transmission.Kind == ListKind.Hourly);
        for (var i = 0; i < run.Sent.Count; i++)
        {
            ReadingAssert.Same(run.Sent[i].Expected!, decoded.Readings[i].Reading, $"list {i + 1} ({run.Sent[i].Kind} at {run.Sent[i].LocalTime:O})");
        }
    }
}
