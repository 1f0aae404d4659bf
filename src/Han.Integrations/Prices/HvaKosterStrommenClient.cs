using System.Globalization;
using System.Net;
using System.Text.Json;

namespace Han.Integrations.Prices;

/// <summary>
/// Spot prices from hvakosterstrommen.no (free, no key; Nord Pool's day-ahead prices in NOK, ex VAT):
/// <c>GET /api/v1/prices/{YYYY}/{MM}-{DD}_{NO1..NO5}.json</c>, a JSON array of
/// <c>{"NOK_per_kWh", "EUR_per_kWh", "EXR", "time_start", "time_end"}</c> (pricing.md §2.3). The entries
/// are taken as they come, by their own start and end: 24, 23 or 25 hours, or 96, 92 or 100 quarters.
/// A day not published yet is answered 404.
/// </summary>
public sealed class HvaKosterStrommenClient(HttpClient client, Uri? baseAddress = null) : IPriceSource
{
    public const string ServiceName = "hvakosterstrommen.no";

    public static Uri DefaultAddress { get; } = new("https://www.hvakosterstrommen.no/");

    private readonly Uri _base = baseAddress ?? DefaultAddress;

    public string Name => "hvakosterstrommen";

    public async Task<IReadOnlyList<SpotPrice>?> FetchDayAsync(BiddingZone zone, DateOnly day, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (!zone.IsNorwegian)
        {
            throw new PriceSourceException($"{ServiceName} has Norway's zones only (NO1..NO5), not {zone.Code}; use source: entsoe for it") { NeedsConfiguration = true };
        }

        var path = string.Create(CultureInfo.InvariantCulture, $"api/v1/prices/{day:yyyy}/{day:MM-dd}_{zone.Code}.json");
        var (status, body) = await PriceHttp.GetAsync(client, new Uri(_base, path), ServiceName, cancellationToken).ConfigureAwait(false);
        return status switch
        {
            HttpStatusCode.OK => Parse(body),
            HttpStatusCode.NotFound => null,
            _ => throw PriceHttp.Unexpected(ServiceName, status, body),
        };
    }

    /// <summary>The prices of an answer, or a <see cref="PriceSourceException"/> naming what is wrong in it.</summary>
    public static IReadOnlyList<SpotPrice> Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw Malformed($"the answer is a JSON {document.RootElement.ValueKind}, not an array of prices");
            }

            var prices = new List<SpotPrice>();
            foreach (var entry in document.RootElement.EnumerateArray())
            {
                prices.Add(new SpotPrice(Time(entry, "time_start"), Time(entry, "time_end"), Number(entry, "NOK_per_kWh")));
            }

            return PriceSeries.Checked(prices, ServiceName);
        }
        catch (JsonException problem)
        {
            throw Malformed($"the answer is not JSON ({problem.Message})");
        }
    }

    private static DateTimeOffset Time(JsonElement entry, string name) =>
        entry.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time
            : throw Malformed($"an entry has no {name} as an ISO 8601 time with offset: {PriceHttp.Excerpt(entry.GetRawText())}");

    private static decimal Number(JsonElement entry, string name) =>
        entry.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number)
            ? number
            : throw Malformed($"an entry has no number {name}: {PriceHttp.Excerpt(entry.GetRawText())}");

    private static PriceSourceException Malformed(string what) => new($"{ServiceName} answered something han cannot read: {what}; han tries again later");
}
