using System.Globalization;
using System.Net;

namespace Han.Integrations.Prices;

/// <summary>
/// Day-ahead prices from the ENTSO-E Transparency Platform's REST API (a free token, pricing.md §2.3):
/// <c>GET /api?securityToken=..&amp;documentType=A44&amp;in_Domain=EIC&amp;out_Domain=EIC&amp;periodStart=yyyyMMddHHmm&amp;periodEnd=..</c>
/// (UTC), read by <see cref="EntsoeDocument"/>, and turned from EUR/MWh into NOK/kWh with Norges Bank's
/// EUR/NOK rate of the delivery day (NOK/kWh = EUR/MWh ÷ 1000 × EURNOK).
/// </summary>
public sealed class EntsoeClient(HttpClient client, string token, NorgesBankRates rates, Uri? baseAddress = null) : IPriceSource
{
    /// <summary>The setting the token is given in, for messages.</summary>
    public const string TokenSetting = "prices.entsoe_token (or prices.entsoe_token_file)";

    public static Uri DefaultAddress { get; } = new("https://web-api.tp.entsoe.eu/");

    private readonly Uri _base = baseAddress ?? DefaultAddress;

    public string Name => "entsoe";

    public async Task<IReadOnlyList<SpotPrice>?> FetchDayAsync(BiddingZone zone, DateOnly day, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var (start, end) = DeliveryDay.Bounds(day);
        var query = string.Create(
            CultureInfo.InvariantCulture,
            $"api?securityToken={Uri.EscapeDataString(token)}&documentType=A44&in_Domain={zone.Eic}&out_Domain={zone.Eic}&periodStart={start.UtcDateTime:yyyyMMddHHmm}&periodEnd={end.UtcDateTime:yyyyMMddHHmm}");
        var (status, body) = await PriceHttp.GetAsync(client, new Uri(_base, query), EntsoeDocument.ServiceName, cancellationToken).ConfigureAwait(false);
        if (status == HttpStatusCode.Unauthorized)
        {
            throw new PriceSourceException(
                $"{EntsoeDocument.ServiceName} refused the token (HTTP 401): check {TokenSetting}; a token is made under My Account Settings on transparency.entsoe.eu after asking transparency@entsoe.eu for \"Restful API access\"")
            { NeedsConfiguration = true };
        }

        // A query without data is answered with an acknowledgement, under HTTP 200 or 400.
        if (status is not (HttpStatusCode.OK or HttpStatusCode.BadRequest) || !body.Contains("_MarketDocument", StringComparison.Ordinal))
        {
            throw PriceHttp.Unexpected(EntsoeDocument.ServiceName, status, body);
        }

        if (EntsoeDocument.Parse(body) is not { } euro)
        {
            return null;
        }

        var inDay = euro.Where(p => p.Start >= start && p.End <= end).ToList();
        if (inDay.Count == 0)
        {
            return null;
        }

        var rate = await rates.RateForAsync(day, cancellationToken).ConfigureAwait(false);
        return [.. inDay.Select(p => new SpotPrice(p.Start, p.End, p.EurPerMwh / 1000m * rate))];
    }
}
