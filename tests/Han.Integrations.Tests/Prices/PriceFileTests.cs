using Han.Integrations.Prices;

namespace Han.Integrations.Tests.Prices;

/// <summary>The local price file: CSV and JSON, at any resolution.</summary>
public sealed class PriceFileTests
{
    [Fact]
    public void Parse_HourlyCsvWithHeaderAndNoEnds_EachLastsUntilTheNextAndTheLastAsLongAsTheOneBefore()
    {
        const string Csv = """
            start,nok_per_kwh
            2025-09-30T00:00:00+02:00,0.8123
            2025-09-30T01:00:00+02:00,0.7
            2025-09-30T02:00:00+02:00,-0.01
            """;

        var prices = PriceFile.Parse("prices.csv", Csv);

        Assert.Equal([0.8123m, 0.7m, -0.01m], prices.Select(p => p.NokPerKwh));
        Assert.All(prices, p => Assert.Equal(TimeSpan.FromHours(1), p.Length));
    }

    [Fact]
    public void Parse_CsvWithEnds_TakesThem()
    {
        var prices = PriceFile.Parse("prices.csv", "2025-10-01T00:00:00+02:00,0.5,2025-10-01T00:15:00+02:00\n");

        Assert.Equal(TimeSpan.FromMinutes(15), Assert.Single(prices).Length);
    }

    [Fact]
    public void Parse_HvaKosterStrommenJsonSavedToAFile_ReadsItAsTheServiceDoes()
    {
        var path = Recorded.PathOf("hvakosterstrommen-no1-2026-03-29.json");

        var prices = PriceFile.Parse(path, File.ReadAllText(path));

        Assert.Equal(92, prices.Count);
        Assert.Equal(0.46048m, prices[0].NokPerKwh);
    }

    [Fact]
    public void Parse_OwnJsonFormat_ReadsStartEndAndPrice()
    {
        var prices = PriceFile.Parse("p.json", """[{"start": "2025-10-01T00:00:00Z", "end": "2025-10-01T00:15:00Z", "nok_per_kwh": 0.123456}]""");

        Assert.Equal(new SpotPrice(DateTimeOffset.Parse("2025-10-01T00:00:00Z"), DateTimeOffset.Parse("2025-10-01T00:15:00Z"), 0.123456m), Assert.Single(prices));
    }

    [Theory]
    [InlineData("2025-10-01T00:00:00,0.5,2025-10-01T01:00:00+02:00", "line 1", "with offset")]
    [InlineData("start,nok_per_kwh\n2025-10-01T00:00:00+02:00,0,5", "line 2", "has 3 fields")]
    [InlineData("2025-10-01T00:00:00+02:00,abc\n2025-10-01T01:00:00+02:00,1", "line 1", "not a price in NOK/kWh")]
    [InlineData("2025-10-01T00:00:00+02:00,0.5", "line 1", "add the end")]
    public void Parse_BadCsv_NamesTheFileTheLineAndWhatIsWrong(string csv, string line, string what)
    {
        var problem = Assert.Throws<PriceSourceException>(() => PriceFile.Parse("/etc/han/prices.csv", csv));

        Assert.Contains($"/etc/han/prices.csv {line}", problem.Message, StringComparison.Ordinal);
        Assert.Contains(what, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_OverlappingRows_AreRefused()
    {
        const string Csv = "2025-10-01T00:00:00+02:00,1,2025-10-01T01:00:00+02:00\n2025-10-01T00:30:00+02:00,2,2025-10-01T01:30:00+02:00";

        var problem = Assert.Throws<PriceSourceException>(() => PriceFile.Parse("p.csv", Csv));

        Assert.Contains("overlaps", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchDayAsync_FileSource_GivesOnlyThatDaysPricesAndNullForADayNotInIt()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("han-test-price-file-").FullName, "prices.csv");
        await File.WriteAllTextAsync(path, "2025-10-01T23:00:00+02:00,1\n2025-10-02T00:00:00+02:00,2\n2025-10-02T01:00:00+02:00,3\n");
        var source = new FilePriceSource(path);
        try
        {
            var day = await source.FetchDayAsync(BiddingZone.Parse("NO1"), new DateOnly(2025, 10, 2), CancellationToken.None);

            Assert.Equal([2m, 3m], day!.Select(p => p.NokPerKwh));
            Assert.Null(await source.FetchDayAsync(BiddingZone.Parse("NO1"), new DateOnly(2025, 10, 5), CancellationToken.None));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }
}
