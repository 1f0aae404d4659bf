using Han.Integrations.Prices;
using Han.TestCorpus.Servers;

namespace Han.Integrations.Tests.Prices;

/// <summary>Norges Bank's EUR/NOK rate against a local server serving a recorded SDMX-JSON answer.</summary>
public sealed class NorgesBankRatesTests : IDisposable
{
    private readonly RecordedHttpServer _server = new((string _) => Recorded.Json("norges-bank-eur-nok-2025-09-22-to-10-06.json"));
    private readonly HttpClient _http = new();

    [Fact]
    public async Task RateForAsync_BusinessDay_GivesThatDaysRate()
    {
        var rates = new NorgesBankRates(_http, _server.Url);

        Assert.Equal(11.6815m, await rates.RateForAsync(new DateOnly(2025, 10, 6), CancellationToken.None));
        Assert.Equal(
            "/api/data/EXR/B.EUR.NOK.SP?format=sdmx-json&startPeriod=2025-09-22&endPeriod=2025-10-06&locale=en",
            Assert.Single(_server.Requests));
    }

    [Theory]
    [InlineData(2025, 10, 4)] // Saturday
    [InlineData(2025, 10, 5)] // Sunday
    public async Task RateForAsync_Weekend_GivesTheLastBusinessDayBefore(int year, int month, int day)
    {
        var rates = new NorgesBankRates(_http, _server.Url);

        Assert.Equal(11.6790m, await rates.RateForAsync(new DateOnly(year, month, day), CancellationToken.None)); // Friday 3 October
    }

    [Fact]
    public async Task RateForAsync_SameDayTwice_AsksOnce()
    {
        var rates = new NorgesBankRates(_http, _server.Url);

        await rates.RateForAsync(new DateOnly(2025, 10, 6), CancellationToken.None);
        await rates.RateForAsync(new DateOnly(2025, 10, 6), CancellationToken.None);

        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task RateForAsync_AnswerWithoutTimeDimension_SaysWhatIsMissing()
    {
        _server.Answer = _ => new RecordedResponse(200, """{"data": {"dataSets": [], "structure": {"dimensions": {"observation": []}}}}""");
        var rates = new NorgesBankRates(_http, _server.Url);

        var problem = await Assert.ThrowsAsync<PriceSourceException>(() => rates.RateForAsync(new DateOnly(2025, 10, 6), CancellationToken.None));

        Assert.Contains("Norges Bank", problem.Message, StringComparison.Ordinal);
        Assert.Contains("TIME_PERIOD", problem.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _http.Dispose();
        _server.Dispose();
    }
}
