using System.Globalization;
using System.Net;
using System.Text.Json;

namespace Han.Integrations.Prices;

/// <summary>
/// Norges Bank's EUR/NOK exchange rate (the daily rate at about 14:15 CET, business days only) from its
/// open SDMX API: <c>GET /api/data/EXR/B.EUR.NOK.SP?format=sdmx-json&amp;startPeriod=..&amp;endPeriod=..</c>
/// (the series amsreader uses, pricing.md §2.3). A day's rate is that day's, or, on a weekend or holiday
/// or before it is published, the last one published before it. Rates are kept once read.
/// </summary>
public sealed class NorgesBankRates(HttpClient client, Uri? baseAddress = null)
{
    public const string ServiceName = "Norges Bank (EUR/NOK)";

    /// <summary>How far back a rate is looked for: longer than Easter's run of holidays and a weekend.</summary>
    private const int DaysBack = 14;

    public static Uri DefaultAddress { get; } = new("https://data.norges-bank.no/");

    private readonly Uri _base = baseAddress ?? DefaultAddress;
    private readonly Dictionary<DateOnly, decimal> _rates = [];

    /// <summary>NOK per EUR for prices of <paramref name="day"/>.</summary>
    public async Task<decimal> RateForAsync(DateOnly day, CancellationToken cancellationToken)
    {
        if (_rates.TryGetValue(day, out var known))
        {
            return known;
        }

        var query = string.Create(CultureInfo.InvariantCulture, $"api/data/EXR/B.EUR.NOK.SP?format=sdmx-json&startPeriod={day.AddDays(-DaysBack):yyyy-MM-dd}&endPeriod={day:yyyy-MM-dd}&locale=en");
        var (status, body) = await PriceHttp.GetAsync(client, new Uri(_base, query), ServiceName, cancellationToken).ConfigureAwait(false);
        if (status != HttpStatusCode.OK)
        {
            throw PriceHttp.Unexpected(ServiceName, status, body);
        }

        var observations = Parse(body);
        var rate = observations.Where(o => o.Key <= day).OrderByDescending(o => o.Key).Select(o => (decimal?)o.Value).FirstOrDefault()
            ?? throw new PriceSourceException($"{ServiceName} has no EUR/NOK rate in the {DaysBack} days up to {day:yyyy-MM-dd}; han tries again later");

        // Only a day's own rate is final; one borrowed from an earlier day is asked again next time.
        if (observations.ContainsKey(day))
        {
            _rates[day] = rate;
        }

        return rate;
    }

    /// <summary>The rates of an SDMX-JSON answer by day: observation i of the series is the day at index i of the TIME_PERIOD dimension.</summary>
    public static IReadOnlyDictionary<DateOnly, decimal> Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var data = Property(document.RootElement, "data");
            var days = Property(Property(Property(data, "structure"), "dimensions"), "observation")
                .EnumerateArray()
                .FirstOrDefault(d => d.TryGetProperty("id", out var id) && id.GetString() == "TIME_PERIOD");
            if (days.ValueKind != JsonValueKind.Object)
            {
                throw Malformed("its structure has no TIME_PERIOD dimension");
            }

            var dates = Property(days, "values").EnumerateArray()
                .Select(v => DateOnly.ParseExact(Property(v, "id").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture))
                .ToList();
            var rates = new Dictionary<DateOnly, decimal>();
            foreach (var dataSet in Property(data, "dataSets").EnumerateArray())
            {
                foreach (var series in Property(dataSet, "series").EnumerateObject())
                {
                    foreach (var observation in Property(series.Value, "observations").EnumerateObject())
                    {
                        var index = int.Parse(observation.Name, NumberStyles.None, CultureInfo.InvariantCulture);
                        var value = observation.Value[0].GetString();
                        rates[dates[index]] = decimal.Parse(value!, NumberStyles.Float, CultureInfo.InvariantCulture);
                    }
                }
            }

            return rates;
        }
        catch (Exception problem) when (problem is JsonException or FormatException or InvalidOperationException or ArgumentOutOfRangeException or IndexOutOfRangeException or KeyNotFoundException or ArgumentNullException)
        {
            throw Malformed(problem.Message);
        }
    }

    private static JsonElement Property(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : throw Malformed($"it has no '{name}'");

    private static PriceSourceException Malformed(string what) => new($"{ServiceName} answered something han cannot read as SDMX-JSON: {what}; han tries again later");
}
