namespace Han.Cli.Tests.Cost;

/// <summary>
/// The bill of one month computed in the test, straight from specs/pricing.md's rules and Elvia's tariff
/// from 1 July 2026 (§5.2), without the engine: what han cost's figures are checked against. Each invoice
/// line is summed exactly and rounded to the øre, as an invoice rounds it; the totals are sums of lines.
/// Rules: the supplier bills the hour's mean spot price and the markup per kWh and a fixed fee, VAT on
/// all (§3); the grid company bills Elvia's energiledd (28.99 øre on working days 06-22, else 16.99),
/// elavgift 7.13 øre (2026, §4.1), Enova 1 øre (§4.2), VAT 25 % (§4.3), and the capacity step chosen by
/// the mean of the three highest daily maxima on three days (§5.1), counting only hours the meter's
/// registers gave; Norgespris settles (hour spot − 40 øre) × kWh with VAT, credit or charge (§7).
/// </summary>
internal static class ReferenceInvoice
{
    private const decimal Vat = 1.25m;
    private const decimal Elavgift = 0.0713m;
    private const decimal Enova = 0.01m;
    private const decimal EnergyDay = 0.2899m;
    private const decimal EnergyNight = 0.1699m;
    private const decimal Norgespris = 0.40m;

    /// <summary>Elvia's steps from 2026-07-01: lower bound kWh/h and NOK/month ex VAT (§5.2).</summary>
    private static readonly (decimal From, decimal Nok)[] Steps =
        [(0m, 120m), (2m, 200m), (5m, 336m), (10m, 468m), (15m, 604m), (20m, 740m), (25m, 1408m), (50m, 2080m), (75m, 2752m), (100m, 5440m)];

    public sealed record Hour(DateTimeOffset Start, decimal Kwh, bool Exact);

    public sealed record Totals(decimal Supplier, decimal Grid, decimal Support, decimal CapacityAverage, decimal CapacityAmount)
    {
        public decimal Total => Supplier + Grid + Support;
    }

    /// <param name="hours">The month's hours as the store has them.</param>
    /// <param name="quarterPrices">Spot, NOK/kWh ex VAT, by quarter start.</param>
    public static Totals Compute(IReadOnlyList<Hour> hours, IReadOnlyDictionary<DateTimeOffset, decimal> quarterPrices, decimal markupOre, decimal feeNok)
    {
        var oslo = TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo");
        decimal spot = 0m, markup = 0m, day = 0m, night = 0m, kwh = 0m, norgespris = 0m;
        foreach (var hour in hours)
        {
            var hourSpot = Enumerable.Range(0, 4).Select(q => quarterPrices[hour.Start.ToUniversalTime().AddMinutes(15 * q)]).Average();
            var local = TimeZoneInfo.ConvertTime(hour.Start, oslo);
            var workingDay = local.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
            spot += hour.Kwh * hourSpot;
            markup += hour.Kwh * markupOre / 100m;
            if (workingDay && local.Hour is >= 6 and < 22)
            {
                day += hour.Kwh;
            }
            else
            {
                night += hour.Kwh;
            }

            kwh += hour.Kwh;
            norgespris += (Norgespris - hourSpot) * hour.Kwh;
        }

        var dailyMaxima = hours.Where(h => h.Exact)
            .GroupBy(h => TimeZoneInfo.ConvertTime(h.Start, oslo).Date)
            .Select(d => d.Max(h => h.Kwh))
            .OrderByDescending(m => m)
            .Take(3)
            .ToList();
        var average = dailyMaxima.Sum() / dailyMaxima.Count;
        var step = Steps.Last(s => average >= s.From).Nok;

        var supplier = Round(spot * Vat) + Round(markup * Vat) + Round(feeNok * Vat);
        var capacity = Round(step * Vat);
        var grid = Round(day * EnergyDay * Vat) + Round(night * EnergyNight * Vat) + Round(kwh * Elavgift * Vat) + Round(kwh * Enova * Vat) + capacity;
        var support = Round(norgespris * Vat);
        return new Totals(supplier, grid, support, average, capacity);
    }

    private static decimal Round(decimal nok) => Math.Round(nok, 2, MidpointRounding.AwayFromZero);
}
