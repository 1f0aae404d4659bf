using System.Diagnostics;
using System.Globalization;
using System.Net;
using Han.Live;
using Han.Live.Fanout;
using Han.Storage;
using Han.Web;

namespace Han.Benchmarks.HistoryApi;

/// <summary>
/// Issue 10's "hourly totals for a year from the API in under 50 ms": a SQLite store with a year of hour
/// aggregates (8,760) for one meter, han's web server on a free loopback port, and the year's hours asked
/// for over HTTP again and again, as the dashboard asks (GET /api/meters/house/energy?resolution=hour&amp;from=2025&amp;to=2026).
/// Each request is timed from sending to the last byte of the answer read; the first
/// <see cref="WarmUp"/> are left out (JIT, SQLite's page cache). Prints median, p95 and maximum; fails
/// (exit code 1) when the answer does not hold every hour or the median misses the target.
/// </summary>
internal static class HistoryApiRun
{
    private const int WarmUp = 20;
    private const string Meter = "house";
    private static readonly TimeSpan Target = TimeSpan.FromMilliseconds(50);

    public static async Task<int> RunAsync(int requests)
    {
        var folder = Directory.CreateTempSubdirectory("han-history-api-").FullName;
        try
        {
            await using var store = await HistoryStores.OpenSqliteAsync(Path.Combine(folder, "history.db"), CancellationToken.None).ConfigureAwait(false);
            var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo");
            var from = new DateTimeOffset(2024, 12, 31, 23, 0, 0, TimeSpan.Zero);
            var hours = Enumerable.Range(0, 8760).Select(n => new EnergyAggregate(
                Meter, AggregateResolution.Hour, from.AddHours(n), 0.4m + ((n % 24) * 0.137m), (n % 24) is > 9 and < 15 ? 0.8m : 0m, n % 200 != 7, n % 200 == 7 ? "no hourly register; estimated from the power" : null)).ToList();
            await store.UpsertAggregatesAsync(hours, CancellationToken.None).ConfigureAwait(false);

            var live = new LiveMeter(Meter);
            await using var web = new WebServer(new WebOptions(new IPEndPoint(IPAddress.Loopback, 0), null), [new ServedMeter(live, [])], new HistoryOptions(store, zone, TimeProvider.System));
            await web.StartAsync(CancellationToken.None).ConfigureAwait(false);
            using var client = new HttpClient { BaseAddress = web.Address };
            const string Request = "api/meters/house/energy?resolution=hour&from=2025&to=2026";
            Console.WriteLine($"history-api: {hours.Count} hour aggregates in SQLite; GET {web.Address}{Request}, {requests} requests after {WarmUp} to warm up");

            var times = new List<double>();
            var size = 0;
            for (var n = 0; n < WarmUp + requests; n++)
            {
                var watch = Stopwatch.StartNew();
                var body = await client.GetByteArrayAsync(Request).ConfigureAwait(false);
                watch.Stop();
                size = body.Length;
                if (n == 0 && !System.Text.Encoding.UTF8.GetString(body).Contains("\"estimated_periods\":44", StringComparison.Ordinal))
                {
                    Console.WriteLine("history-api: the answer does not hold the year's hours");
                    return 1;
                }

                if (n >= WarmUp)
                {
                    times.Add(watch.Elapsed.TotalMilliseconds);
                }
            }

            times.Sort();
            double At(double quantile) => times[Math.Max(0, (int)Math.Ceiling(quantile * times.Count) - 1)];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"history-api: median {At(0.5):0.0} ms, p95 {At(0.95):0.0} ms, max {times[^1]:0.0} ms ({times.Count} requests, answer {size / 1024.0:0} KiB)"));
            return At(0.5) <= Target.TotalMilliseconds ? 0 : 1;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
