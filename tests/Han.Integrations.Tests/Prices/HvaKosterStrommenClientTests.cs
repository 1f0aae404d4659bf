using Han.Integrations.Prices;
using Han.TestCorpus.Servers;

namespace Han.Integrations.Tests.Prices;

/// <summary>hvakosterstrommen.no's client against a local server serving its recorded answers.</summary>
public sealed class HvaKosterStrommenClientTests : IDisposable
{
    private static readonly BiddingZone No1 = BiddingZone.Parse("NO1");
    private readonly RecordedHttpServer _server = new(Answer);
    private readonly HttpClient _http = new();

    private HvaKosterStrommenClient Client => new(_http, _server.Url);

    [Fact]
    public async Task FetchDayAsync_QuarterHourDay_Gives96ContiguousQuartersOfTheDay()
    {
        var prices = await Client.FetchDayAsync(No1, new DateOnly(2025, 10, 6), CancellationToken.None);

        Assert.NotNull(prices);
        Assert.Equal("/api/v1/prices/2025/10-06_NO1.json", Assert.Single(_server.Requests));
        Assert.Equal(96, prices.Count);
        Assert.All(prices, p => Assert.Equal(TimeSpan.FromMinutes(15), p.Length));
        AssertContiguous(prices, DateTimeOffset.Parse("2025-10-05T22:00:00Z"), DateTimeOffset.Parse("2025-10-06T22:00:00Z"));
        Assert.Equal(0.46726m, prices[0].NokPerKwh); // 0.04 EUR/kWh × 11.6815, as the service rounds it
    }

    [Fact]
    public async Task FetchDayAsync_SpringForwardDay_Gives92QuartersOver23Hours()
    {
        var prices = await Client.FetchDayAsync(No1, new DateOnly(2026, 3, 29), CancellationToken.None);

        Assert.NotNull(prices);
        Assert.Equal(92, prices.Count);
        AssertContiguous(prices, DateTimeOffset.Parse("2026-03-28T23:00:00Z"), DateTimeOffset.Parse("2026-03-29T22:00:00Z"));
        // 01:45+01:00 is followed by 03:00+02:00: the hour 02-03 does not exist that day.
        Assert.Equal(DateTimeOffset.Parse("2026-03-29T03:00:00+02:00"), prices[8].Start);
    }

    [Fact]
    public async Task FetchDayAsync_FallBackDay_Gives100QuartersOver25Hours()
    {
        var prices = await Client.FetchDayAsync(No1, new DateOnly(2025, 10, 26), CancellationToken.None);

        Assert.NotNull(prices);
        Assert.Equal(100, prices.Count);
        AssertContiguous(prices, DateTimeOffset.Parse("2025-10-25T22:00:00Z"), DateTimeOffset.Parse("2025-10-26T23:00:00Z"));
        // The hour 02-03 comes twice, first at +02:00, then at +01:00: eight quarters, none merged.
        Assert.Equal(8, prices.Count(p => p.Start.Hour == 2));
    }

    [Fact]
    public async Task FetchDayAsync_DayNotPublishedYet_ReturnsNull()
    {
        Assert.Null(await Client.FetchDayAsync(No1, new DateOnly(2025, 10, 7), CancellationToken.None));
    }

    [Fact]
    public async Task FetchDayAsync_AnswerNotAnArrayOfPrices_SaysWhichServiceAndWhatIsWrong()
    {
        _server.Answer = _ => new RecordedResponse(200, """[{"NOK_per_kWh": 0.5, "time_start": "2025-10-06T00:00:00+02:00"}]""");

        var problem = await Assert.ThrowsAsync<PriceSourceException>(() => Client.FetchDayAsync(No1, new DateOnly(2025, 10, 6), CancellationToken.None));

        Assert.Contains("hvakosterstrommen.no", problem.Message, StringComparison.Ordinal);
        Assert.Contains("time_end", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchDayAsync_ServerError_NamesTheStatusAndTriesLater()
    {
        _server.Answer = _ => new RecordedResponse(503, "Service Unavailable", "text/plain");

        var problem = await Assert.ThrowsAsync<PriceSourceException>(() => Client.FetchDayAsync(No1, new DateOnly(2025, 10, 6), CancellationToken.None));

        Assert.Contains("HTTP 503", problem.Message, StringComparison.Ordinal);
        Assert.False(problem.NeedsConfiguration);
    }

    [Fact]
    public async Task FetchDayAsync_NothingListens_IsAnOutageNamingTheService()
    {
        var client = new HvaKosterStrommenClient(_http, new Uri($"http://127.0.0.1:{LoopbackPort.Free()}/"));

        var problem = await Assert.ThrowsAsync<PriceSourceException>(() => client.FetchDayAsync(No1, new DateOnly(2025, 10, 6), CancellationToken.None));

        Assert.Contains("hvakosterstrommen.no could not be reached", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchDayAsync_SwedishZone_SaysToUseEntsoe()
    {
        var problem = await Assert.ThrowsAsync<PriceSourceException>(() => Client.FetchDayAsync(BiddingZone.Parse("SE3"), new DateOnly(2025, 10, 6), CancellationToken.None));

        Assert.Contains("source: entsoe", problem.Message, StringComparison.Ordinal);
        Assert.True(problem.NeedsConfiguration);
        Assert.Empty(_server.Requests);
    }

    public void Dispose()
    {
        _http.Dispose();
        _server.Dispose();
    }

    internal static void AssertContiguous(IReadOnlyList<SpotPrice> prices, DateTimeOffset start, DateTimeOffset end)
    {
        Assert.Equal(start, prices[0].Start);
        Assert.Equal(end, prices[^1].End);
        for (var i = 1; i < prices.Count; i++)
        {
            Assert.Equal(prices[i - 1].End, prices[i].Start);
        }
    }

    private static RecordedResponse Answer(string request) => request switch
    {
        "/api/v1/prices/2025/10-06_NO1.json" => Recorded.Json("hvakosterstrommen-no1-2025-10-06.json"),
        "/api/v1/prices/2026/03-29_NO1.json" => Recorded.Json("hvakosterstrommen-no1-2026-03-29.json"),
        "/api/v1/prices/2025/10-26_NO1.json" => Recorded.Json("hvakosterstrommen-no1-2025-10-26.json"),
        _ => RecordedResponse.NotFound,
    };
}
