using Han.Pricing;

namespace Han.Costs.Tests;

public sealed class ConsumptionCsvTests
{
    [Fact]
    public void Parse_HourRowsWithAndWithoutExport_OneIntervalPerRowOfAnHour()
    {
        var intervals = ConsumptionCsv.Parse("use.csv", "2026-03-01T00:00:00+01:00,1.25\n2026-03-01T01:00:00+01:00,0.75,0.10\n");

        Assert.Equal(
            [
                new EnergyInterval(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.FromHours(1)), EnergyInterval.Hour, 1.25m),
                new EnergyInterval(new DateTimeOffset(2026, 3, 1, 1, 0, 0, TimeSpan.FromHours(1)), EnergyInterval.Hour, 0.75m, 0.10m),
            ],
            intervals);
    }

    [Fact]
    public void Parse_QuarterRows_IntervalsOfFifteenMinutes()
    {
        var intervals = ConsumptionCsv.Parse("use.csv", "start,import_kwh\n2026-03-01T00:00:00Z,0.3\n2026-03-01T00:15:00Z,0.4\n2026-03-01T01:00:00Z,0.2\n");

        Assert.All(intervals, i => Assert.Equal(EnergyInterval.Quarter, i.Length));
        Assert.Equal([0.3m, 0.4m, 0.2m], intervals.Select(i => i.ImportKwh));
    }

    [Fact]
    public void Parse_HanExportHourCsv_ReadsByHeaderAndMarksInexactRowsEstimatedAndSkipsUnknownOnes()
    {
        const string export = "start,import_kwh,export_kwh,exact,flags\n"
            + "2026-03-01T00:00:00+01:00,1.5,0,true,\n"
            + "2026-03-01T01:00:00+01:00,2.25,,false,\"missing hourly list, estimated\"\n"
            + "2026-03-01T02:00:00+01:00,,,false,no data\n";

        var intervals = ConsumptionCsv.Parse("export.csv", export);

        Assert.Equal(2, intervals.Count);
        Assert.False(intervals[0].Estimated);
        Assert.True(intervals[1].Estimated);
        Assert.Equal(2.25m, intervals[1].ImportKwh);
        Assert.Equal(0m, intervals[1].ExportKwh);
    }

    [Theory]
    [InlineData("2026-03-01T00:00:00,1.0\n", "use.csv line 1: '2026-03-01T00:00:00' is not an ISO 8601 time with offset")]
    [InlineData("2026-03-01T00:00:00Z,1,5,7\n", "use.csv line 1: '2026-03-01T00:00:00Z,1,5,7' has 4 fields; write start,import_kwh[,export_kwh] with a point, not a comma")]
    [InlineData("2026-03-01T00:00:00Z,-1\n", "use.csv line 1: import_kwh '-1' is not an energy in kWh")]
    [InlineData("2026-03-01T00:00:00Z,1\n2026-03-01T00:30:00Z,1\n", "use.csv: rows 30 minutes apart; give one row per hour or per quarter hour")]
    [InlineData("2026-03-01T00:00:00Z,1\n2026-03-01T00:00:00Z,2\n", "use.csv: two rows start at")]
    [InlineData("start,kwh\n2026-03-01T00:00:00Z,1\n", "use.csv line 1: the header 'start,kwh' has no import_kwh column")]
    [InlineData("\n# nothing\n", "use.csv: no consumption rows")]
    public void Parse_BadFile_SaysWhereAndWhatToWrite(string text, string expected)
    {
        var problem = Assert.Throws<ConsumptionFileException>(() => ConsumptionCsv.Parse("use.csv", text));

        Assert.StartsWith(expected, problem.Message, StringComparison.Ordinal);
    }
}
