using Han.Integrations.Prices;

namespace Han.Integrations.Tests.Prices;

/// <summary>The A44 document reader on small documents that each show one rule.</summary>
public sealed class EntsoeDocumentTests
{
    [Fact]
    public void Parse_A03WithTrailingPositionsLeftOut_FillsThemToThePeriodEnd()
    {
        var prices = EntsoeDocument.Parse(Document(Series("PT60M", "2025-10-05T22:00Z", "2025-10-06T02:00Z", (1, "10.5"), (3, "-2.25"))));

        Assert.NotNull(prices);
        Assert.Equal([10.5m, 10.5m, -2.25m, -2.25m], prices.Select(p => p.EurPerMwh));
        Assert.Equal(DateTimeOffset.Parse("2025-10-06T02:00Z"), prices[^1].End);
    }

    [Fact]
    public void Parse_HourlySeriesBeforeQuarterSeries_TakesTheQuartersAndNeverBoth()
    {
        var prices = EntsoeDocument.Parse(Document(
            Series("PT60M", "2025-10-05T22:00Z", "2025-10-05T23:00Z", (1, "99")),
            Series("PT15M", "2025-10-05T22:00Z", "2025-10-05T23:00Z", (1, "1"), (2, "2"), (3, "3"), (4, "4"))));

        Assert.NotNull(prices);
        Assert.Equal([1m, 2m, 3m, 4m], prices.Select(p => p.EurPerMwh));
    }

    [Fact]
    public void Parse_HourlySeriesWhereNoQuartersAre_KeepsThoseHours()
    {
        var prices = EntsoeDocument.Parse(Document(
            Series("PT15M", "2025-10-05T22:00Z", "2025-10-05T23:00Z", (1, "1")),
            Series("PT60M", "2025-10-05T22:00Z", "2025-10-06T00:00Z", (1, "50"), (2, "60"))));

        Assert.NotNull(prices);
        Assert.Equal([1m, 1m, 1m, 1m, 60m], prices.Select(p => p.EurPerMwh));
        Assert.Equal(TimeSpan.FromHours(2), prices.Sum(p => p.End.Ticks - p.Start.Ticks) is var ticks ? TimeSpan.FromTicks(ticks) : default);
    }

    [Fact]
    public void Parse_NoMatchingDataAcknowledgement_ReturnsNull()
    {
        Assert.Null(EntsoeDocument.Parse(File.ReadAllText(Recorded.PathOf("entsoe-acknowledgement-no-data.xml"))));
    }

    [Fact]
    public void Parse_OtherAcknowledgement_RepeatsTheReason()
    {
        const string Refusal = """
            <Acknowledgement_MarketDocument xmlns="urn:iec62325.351:tc57wg16:451-1:acknowledgementdocument:7:0">
              <Reason><code>999</code><text>The amount of requested data exceeds allowed limit.</text></Reason>
            </Acknowledgement_MarketDocument>
            """;

        var problem = Assert.Throws<PriceSourceException>(() => EntsoeDocument.Parse(Refusal));

        Assert.Contains("exceeds allowed limit", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not xml at all", "not XML")]
    [InlineData("<Something_Else/>", "Something_Else")]
    public void Parse_NotAPriceDocument_SaysWhatItIs(string body, string expected)
    {
        var problem = Assert.Throws<PriceSourceException>(() => EntsoeDocument.Parse(body));

        Assert.Contains(EntsoeDocument.ServiceName, problem.Message, StringComparison.Ordinal);
        Assert.Contains(expected, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_PositionOneLeftOut_SaysNothingCanBeFilled()
    {
        var problem = Assert.Throws<PriceSourceException>(() => EntsoeDocument.Parse(Document(Series("PT60M", "2025-10-05T22:00Z", "2025-10-06T00:00Z", (2, "10")))));

        Assert.Contains("no Point at position 1", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_PositionBeyondThePeriod_IsRefused()
    {
        var problem = Assert.Throws<PriceSourceException>(() => EntsoeDocument.Parse(Document(Series("PT60M", "2025-10-05T22:00Z", "2025-10-06T00:00Z", (1, "10"), (3, "11")))));

        Assert.Contains("position '3', not 1 to 2", problem.Message, StringComparison.Ordinal);
    }

    private static string Document(params string[] series) =>
        $"""<Publication_MarketDocument xmlns="urn:iec62325.351:tc57wg16:451-3:publicationdocument:7:3"><type>A44</type>{string.Concat(series)}</Publication_MarketDocument>""";

    private static string Series(string resolution, string start, string end, params (int Position, string Amount)[] points) =>
        $"""
        <TimeSeries><currency_Unit.name>EUR</currency_Unit.name><price_Measure_Unit.name>MWH</price_Measure_Unit.name><curveType>A03</curveType>
        <Period><timeInterval><start>{start}</start><end>{end}</end></timeInterval><resolution>{resolution}</resolution>
        {string.Concat(points.Select(p => $"<Point><position>{p.Position}</position><price.amount>{p.Amount}</price.amount></Point>"))}
        </Period></TimeSeries>
        """;
}
