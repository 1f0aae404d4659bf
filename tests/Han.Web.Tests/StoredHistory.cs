using System.Text.Json;
using Han.Costs;
using Han.Live;
using Han.Live.Fanout;
using Han.Readings;
using Han.Storage;
using Microsoft.Extensions.Time.Testing;

namespace Han.Web.Tests;

/// <summary>
/// han's web server over a real history store (a SQLite file in a temporary folder unless another store is
/// given), in Europe/Oslo, with a clock the test sets and the cost profile it gives: the configured meter is "house".
/// </summary>
internal sealed class StoredHistory : IAsyncDisposable
{
    public static readonly TimeZoneInfo Oslo = TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo");

    private readonly string? _folder;

    private StoredHistory(IHistoryStore store, string? folder, FakeTimeProvider clock, RunningWebServer web)
    {
        Store = store;
        _folder = folder;
        Clock = clock;
        Web = web;
    }

    public IHistoryStore Store { get; }

    public FakeTimeProvider Clock { get; }

    public RunningWebServer Web { get; }

    public static async Task<StoredHistory> StartAsync(DateTimeOffset now, IHistoryStore? store = null, CostProfile? cost = null)
    {
        string? folder = null;
        if (store is null)
        {
            folder = Directory.CreateTempSubdirectory("han-test-web-history-").FullName;
            store = await HistoryStores.OpenSqliteAsync(Path.Combine(folder, "history.db"), CancellationToken.None);
        }

        var clock = new FakeTimeProvider(now);
        var web = await RunningWebServer.StartAsync(history: new HistoryOptions(store, Oslo, clock) { Cost = cost });
        return new StoredHistory(store, folder, clock, web);
    }

    public async Task<JsonElement> GetAsync(string path)
    {
        using var answer = await Web.Client.GetAsync(path);
        var body = await answer.Content.ReadAsStringAsync();
        Assert.True(answer.IsSuccessStatusCode, $"{path}: {(int)answer.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Hour aggregates for every hour in [from, to): import by <paramref name="import"/>, export a tenth of it.</summary>
    public static List<EnergyAggregate> Hours(string meter, DateTimeOffset from, DateTimeOffset to, Func<DateTimeOffset, decimal> import, Func<DateTimeOffset, string?>? flags = null)
    {
        var hours = new List<EnergyAggregate>();
        for (var hour = from; hour < to; hour = hour.AddHours(1))
        {
            var flag = flags?.Invoke(hour);
            hours.Add(new EnergyAggregate(meter, AggregateResolution.Hour, hour, import(hour), import(hour) / 10, flag is null, flag));
        }

        return hours;
    }

    /// <summary>A list with only active power import, as Aidon's list 1, received at <paramref name="at"/>.</summary>
    public static ReadingMade Power(string meter, DateTimeOffset at, long watts)
    {
        var reading = new MeterReading { Received = at };
        reading.Set(ReadingField.ActivePowerImport, new Measurement(watts, 0));
        return new ReadingMade(meter, at, new LiveReading(reading, MeterIdentity.Unknown, null, null));
    }

    public async ValueTask DisposeAsync()
    {
        await Web.DisposeAsync();
        await Store.DisposeAsync();
        if (_folder is not null)
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
