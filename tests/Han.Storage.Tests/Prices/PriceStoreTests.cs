namespace Han.Storage.Tests.Prices;

/// <summary>The price cache's behaviour, the same on every database (<see cref="SqlitePriceStoreTests"/>, <see cref="PostgresPriceStoreTests"/>).</summary>
public abstract class PriceStoreTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly DateTimeOffset Midnight = new(2025, 10, 26, 0, 0, 0, TimeSpan.FromHours(2));
    private static readonly DateTimeOffset Fetched = new(2025, 10, 25, 11, 5, 0, TimeSpan.Zero);

    protected abstract Task<IHistoryStore> OpenAsync();

    [Fact]
    public async Task ReadPricesAsync_AfterWrite_GivesEveryDecimalBackExactlyInOrder()
    {
        await using var history = await OpenAsync();
        var store = PriceStores.Of(history);
        // Written out of order; a price of nine decimals (EUR/MWh ÷ 1000 × EURNOK) and a negative one.
        StoredPrice[] prices =
        [
            Price(1, 0.012345678m),
            Price(0, 1.234567891m),
            Price(2, -0.0123m),
            Price(3, 0m),
        ];
        await store.WritePricesAsync("NO1", prices, None);

        var read = await store.ReadPricesAsync("NO1", Midnight, Midnight.AddHours(1), None);

        Assert.Equal([1.234567891m, 0.012345678m, -0.0123m, 0m], read.Select(p => p.NokPerKwh));
        Assert.Equal([.. prices.OrderBy(p => p.Start).Select(p => p.Start.UtcDateTime)], read.Select(p => p.Start.UtcDateTime));
        Assert.All(read, p => Assert.Equal(TimeSpan.FromMinutes(15), p.End - p.Start));
        Assert.All(read, p => Assert.Equal(("hvakosterstrommen", Fetched), (p.Source, p.FetchedAt)));
    }

    [Fact]
    public async Task WritePricesAsync_SameStartAgain_ReplacesTheRowInsteadOfAddingOne()
    {
        await using var history = await OpenAsync();
        var store = PriceStores.Of(history);
        await store.WritePricesAsync("NO5", [Price(0, 0.5m), Price(1, 0.6m)], None);

        await store.WritePricesAsync("NO5", [Price(1, 0.7m) with { Source = "entsoe" }], None);

        var read = await store.ReadPricesAsync("NO5", Midnight, Midnight.AddDays(1), None);
        Assert.Equal([(0.5m, "hvakosterstrommen"), (0.7m, "entsoe")], read.Select(p => (p.NokPerKwh, p.Source)));
    }

    [Fact]
    public async Task ReadPricesAsync_OtherZoneAndTimesOutsideTheRange_AreLeftOut()
    {
        await using var history = await OpenAsync();
        var store = PriceStores.Of(history);
        await store.WritePricesAsync("NO1", [Price(0, 1m), Price(4, 2m), Price(8, 3m)], None);
        await store.WritePricesAsync("NO2", [Price(4, 9m)], None);

        var read = await store.ReadPricesAsync("NO1", Midnight.AddHours(1), Midnight.AddHours(2), None);

        Assert.Equal([2m], read.Select(p => p.NokPerKwh));
        Assert.Empty(await store.ReadPricesAsync("NO3", Midnight, Midnight.AddDays(1), None));
    }

    [Fact]
    public async Task ReadPricesAsync_StoreOpenedAgain_StillHasThePrices()
    {
        await using (var history = await OpenAsync())
        {
            await PriceStores.Of(history).WritePricesAsync("NO4", [Price(0, 0.4242m)], None);
        }

        await using var again = await OpenAsync();
        var read = await PriceStores.Of(again).ReadPricesAsync("NO4", Midnight, Midnight.AddDays(1), None);
        Assert.Equal([0.4242m], read.Select(p => p.NokPerKwh));
    }

    private static StoredPrice Price(int quarter, decimal nokPerKwh) =>
        new(Midnight.AddMinutes(15 * quarter), Midnight.AddMinutes(15 * (quarter + 1)), nokPerKwh, "hvakosterstrommen", Fetched);
}
