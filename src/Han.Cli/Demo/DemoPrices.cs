using System.Globalization;
using System.Text;
using Han.Storage;

namespace Han.Cli.Demo;

/// <summary>
/// The demo's spot prices: invented, not fetched (the demo has no network and must not pretend to know a
/// real day's prices). Quarter-hours of NO1 in NOK/kWh excluding VAT, in a plausible winter shape: a level
/// that changes from day to day (0.60 to 1.00), cheaper at night, dearer in the morning and the evening
/// peaks. Written both into the store's price cache (so the month so far is priced at once) and into a
/// price file that the demo's <c>prices: file:</c> names (so han run's price updater never goes to the
/// network, and finds tomorrow's there). docs/cost.md says they are demo prices.
/// </summary>
internal static class DemoPrices
{
    public const string Zone = "NO1";

    public const string FileName = "demo-prices.csv";

    /// <summary>How a kWh's price moves over the local day, as a factor of the day's level (hour 0 to 23).</summary>
    private static readonly decimal[] HourShape =
    [
        0.80m, 0.76m, 0.74m, 0.74m, 0.76m, 0.85m, 1.05m, 1.35m, 1.40m, 1.25m, 1.10m, 1.02m,
        0.98m, 0.95m, 0.97m, 1.05m, 1.20m, 1.42m, 1.48m, 1.38m, 1.20m, 1.05m, 0.95m, 0.86m,
    ];

    /// <summary>The prices from the first local day of <paramref name="from"/> to the end of tomorrow, into the store's cache and the demo's price file.</summary>
    public static async Task<int> WriteAsync(IHistoryStore store, string folder, DateTimeOffset from, DateTimeOffset now, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var prices = Make(from, now, zone);
        await PriceStores.Of(store).WritePricesAsync(Zone, prices, cancellationToken).ConfigureAwait(false);
        var csv = new StringBuilder("# han demo: invented spot prices (NO1, NOK/kWh excluding VAT), not real market prices\nstart,nok_per_kwh,end\n");
        foreach (var price in prices)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{price.Start:yyyy-MM-ddTHH:mm:ssZ},{price.NokPerKwh},{price.End:yyyy-MM-ddTHH:mm:ssZ}\n");
        }

        await File.WriteAllTextAsync(FilePath(folder), csv.ToString(), cancellationToken).ConfigureAwait(false);
        return prices.Count;
    }

    public static string FilePath(string folder) => Path.Combine(folder, FileName);

    /// <summary>Quarter-hours from local midnight of <paramref name="from"/>'s day to local midnight after tomorrow.</summary>
    internal static List<StoredPrice> Make(DateTimeOffset from, DateTimeOffset now, TimeZoneInfo zone)
    {
        var first = LocalMidnight(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(from, zone).DateTime), zone);
        var end = LocalMidnight(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime).AddDays(2), zone);
        var prices = new List<StoredPrice>();
        for (var start = first; start < end; start = start.AddMinutes(15))
        {
            var local = TimeZoneInfo.ConvertTime(start, zone);
            var day = DateOnly.FromDateTime(local.DateTime).DayNumber;
            var level = 0.60m + (0.05m * (day * 7 % 9));
            var quarter = (local.Minute / 15) - 1.5m;
            var price = decimal.Round((level * HourShape[local.Hour]) + (quarter * 0.008m), 4);
            prices.Add(new StoredPrice(start, start.AddMinutes(15), price, "file", now));
        }

        return prices;
    }

    private static DateTimeOffset LocalMidnight(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
