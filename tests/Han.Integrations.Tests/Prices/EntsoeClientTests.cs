using Han.Integrations.Prices;
using Han.TestCorpus.Servers;

namespace Han.Integrations.Tests.Prices;

/// <summary>ENTSO-E's client, with Norges Bank's rate, against local servers serving their recorded answers.</summary>
public sealed class EntsoeClientTests : IDisposable
{
    private const string Token = "0a1b2c3d-4e5f-6789-abcd-ef0123456789";
    private const decimal Rate20251006 = 11.6815m;
    private static readonly BiddingZone No1 = BiddingZone.Parse("NO1");
    private readonly RecordedHttpServer _entsoe = new(Answer);
    private readonly RecordedHttpServer _norgesBank = new((string _) => Recorded.Json("norges-bank-eur-nok-2025-09-22-to-10-06.json"));
    private readonly HttpClient _http = new();

    private EntsoeClient Client => new(_http, Token, new NorgesBankRates(_http, _norgesBank.Url), _entsoe.Url);

    [Fact]
    public async Task FetchDayAsync_A44Query_AsksForTheZoneAndTheDayInUtc()
    {
        await Client.FetchDayAsync(No1, new DateOnly(2025, 10, 6), CancellationToken.None);

        var query = Assert.Single(_entsoe.Requests);
        Assert.StartsWith("/api?", query, StringComparison.Ordinal);
        Assert.Contains($"securityToken={Token}", query, StringComparison.Ordinal);
        Assert.Contains("documentType=A44", query, StringComparison.Ordinal);
        Assert.Contains("in_Domain=10YNO-1--------2", query, StringComparison.Ordinal);
        Assert.Contains("out_Domain=10YNO-1--------2", query, StringComparison.Ordinal);
        Assert.Contains("periodStart=202510052200", query, StringComparison.Ordinal);
        Assert.Contains("periodEnd=202510062200", query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchDayAsync_A03CurveInDuplicateAndHourlyTimeSeries_Gives96QuartersOnceEachForwardFilled()
    {
        var prices = await Client.FetchDayAsync(No1, new DateOnly(2025, 10, 6), CancellationToken.None);

        Assert.NotNull(prices);
        // Two identical PT15M series and a PT60M one: each quarter counted once, from the finest.
        Assert.Equal(96, prices.Count);
        Assert.All(prices, p => Assert.Equal(TimeSpan.FromMinutes(15), p.Length));
        HvaKosterStrommenClientTests.AssertContiguous(prices, DateTimeOffset.Parse("2025-10-05T22:00Z"), DateTimeOffset.Parse("2025-10-06T22:00Z"));
        // Position 1 is 52.31 EUR/MWh; 2-4 are left out (the same price) and take it.
        Assert.All(prices.Take(4), p => Assert.Equal(52.31m / 1000m * Rate20251006, p.NokPerKwh));
        Assert.Equal(48.90m / 1000m * Rate20251006, prices[4].NokPerKwh);
        // Positions 94-96, trailing and left out, take position 93's 61.07 up to the period's end.
        Assert.All(prices.Skip(92), p => Assert.Equal(61.07m / 1000m * Rate20251006, p.NokPerKwh));
        Assert.Equal(0.611059265m, prices[0].NokPerKwh); // exact: no rounding on the way
    }

    [Fact]
    public async Task FetchDayAsync_FallBackDay_Gives100Quarters()
    {
        // The rate server answers with its one recording, whose last day (6 October) is the latest before the 26th.
        var prices = await Client.FetchDayAsync(No1, new DateOnly(2025, 10, 26), CancellationToken.None);

        Assert.NotNull(prices);
        Assert.Equal(100, prices.Count);
        HvaKosterStrommenClientTests.AssertContiguous(prices, DateTimeOffset.Parse("2025-10-25T22:00Z"), DateTimeOffset.Parse("2025-10-26T23:00Z"));
        Assert.Equal(prices[95].NokPerKwh, prices[99].NokPerKwh);
    }

    [Fact]
    public async Task FetchDayAsync_NoMatchingDataAcknowledgement_ReturnsNullAsNotPublishedYet()
    {
        Assert.Null(await Client.FetchDayAsync(No1, new DateOnly(2025, 10, 7), CancellationToken.None));
        Assert.Empty(_norgesBank.Requests);
    }

    [Fact]
    public async Task FetchDayAsync_TokenRefused_NamesTheTokenSetting()
    {
        _entsoe.Answer = _ => new RecordedResponse(401, "<html><body><h1>Unauthorized</h1></body></html>", "text/html");

        var problem = await Assert.ThrowsAsync<PriceSourceException>(() => Client.FetchDayAsync(No1, new DateOnly(2025, 10, 6), CancellationToken.None));

        Assert.Contains("prices.entsoe_token", problem.Message, StringComparison.Ordinal);
        Assert.Contains("HTTP 401", problem.Message, StringComparison.Ordinal);
        Assert.True(problem.NeedsConfiguration);
        Assert.DoesNotContain(Token, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchDayAsync_HtmlInsteadOfADocument_NamesTheServiceAndStatus()
    {
        _entsoe.Answer = _ => new RecordedResponse(200, "<html><body>Maintenance</body></html>", "text/html");

        var problem = await Assert.ThrowsAsync<PriceSourceException>(() => Client.FetchDayAsync(No1, new DateOnly(2025, 10, 6), CancellationToken.None));

        Assert.Contains("ENTSO-E", problem.Message, StringComparison.Ordinal);
        Assert.Contains("Maintenance", problem.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _http.Dispose();
        _entsoe.Dispose();
        _norgesBank.Dispose();
    }

    private static RecordedResponse Answer(string request) =>
        request.Contains("periodStart=202510052200", StringComparison.Ordinal) ? Recorded.Xml("entsoe-no1-2025-10-06.xml")
        : request.Contains("periodStart=202510252200", StringComparison.Ordinal) ? Recorded.Xml("entsoe-no1-2025-10-26.xml")
        : Recorded.Xml("entsoe-acknowledgement-no-data.xml");
}
