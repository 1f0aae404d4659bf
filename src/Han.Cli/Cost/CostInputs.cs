using Han.Cli.Service;
using Han.Costs;
using Han.Integrations.Prices;
using Han.Pricing;
using Han.Storage;
using PricingSpot = Han.Pricing.SpotPrice;

namespace Han.Cli.Cost;

/// <summary>
/// Gathers what han cost computes from: the energy (a CSV, or the store's hours of the meter) and the spot
/// prices (a file, a price service, or the store's cache with missing days fetched into it, so nothing
/// is fetched twice). What could not be had is said on standard error; the report then shows what is missing.
/// </summary>
internal sealed class CostInputs(CostJob job, TextWriter error, TimeProvider clock)
{
    /// <summary>The energy of the period, or null after saying why not.</summary>
    public async Task<IReadOnlyList<EnergyInterval>?> ReadEnergyAsync(IHistoryStore? store, string? meter, CancellationToken cancellation)
    {
        if (job.ConsumptionFile is { } path)
        {
            try
            {
                var text = await File.ReadAllTextAsync(path, cancellation).ConfigureAwait(false);
                return ConsumptionCsv.Parse(path, text);
            }
            catch (Exception problem) when (problem is IOException or UnauthorizedAccessException)
            {
                await error.WriteLineAsync($"han cost: --consumption {path}: cannot be read ({problem.Message})").ConfigureAwait(false);
                return null;
            }
            catch (ConsumptionFileException problem)
            {
                await error.WriteLineAsync("han cost: --consumption " + problem.Message).ConfigureAwait(false);
                return null;
            }
        }

        return await StoredEnergy.ReadAsync(store!, meter!, job.Period, job.Settings.TimeZone, SettlementResolution.Hour, cancellation).ConfigureAwait(false);
    }

    /// <summary>The period's spot prices as the engine takes them, or null after saying why not.</summary>
    public async Task<IReadOnlyList<PricingSpot>?> ReadPricesAsync(IHistoryStore? store, CancellationToken cancellation)
    {
        if (job.PriceChoice is { Kind: PriceChoiceKind.File, Path: { } path })
        {
            try
            {
                return ToEngine(PriceFile.Parse(path, await File.ReadAllTextAsync(path, cancellation).ConfigureAwait(false)));
            }
            catch (Exception problem) when (problem is IOException or UnauthorizedAccessException)
            {
                await error.WriteLineAsync($"han cost: --prices {path}: cannot be read ({problem.Message}); give a CSV or JSON price file, hvakosterstrommen or entsoe").ConfigureAwait(false);
                return null;
            }
            catch (PriceSourceException problem)
            {
                await error.WriteLineAsync("han cost: --prices " + problem.Message).ConfigureAwait(false);
                return null;
            }
        }

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(100) };
        http.DefaultRequestHeaders.UserAgent.ParseAdd("han/" + typeof(CostInputs).Assembly.GetName().Version?.ToString(3));
        if (ServiceFor(http) is not { } source)
        {
            return null;
        }

        IPriceCache cache = store is null ? new MemoryPriceCache() : new StorePriceCache(PriceStores.Of(store));
        var zone = job.Settings.Zone;
        var updater = new PriceUpdater(source, cache, zone, clock, (text, _) => error.WriteLine("han cost: " + text));
        var today = DeliveryDay.Of(clock.GetUtcNow());
        var last = job.Period.To.AddDays(-1);
        if (job.Period.From <= today.AddDays(1))
        {
            // Days after tomorrow have no prices yet; asking for them would only fail.
            await updater.FillAsync(job.Period.From, last < today.AddDays(1) ? last : today.AddDays(1), cancellation).ConfigureAwait(false);
        }

        var (from, to) = PeriodBounds.Of(job.Period, job.Settings.TimeZone);
        return ToEngine(await cache.ReadAsync(zone, from, to, cancellation).ConfigureAwait(false));
    }

    /// <summary>The service to fetch missing prices from: the one asked for, else the configured one, else hvakosterstrommen.no in Norway.</summary>
    private IPriceSource? ServiceFor(HttpClient http)
    {
        var configured = job.Prices;
        switch (job.PriceChoice.Kind)
        {
            case PriceChoiceKind.HvaKosterStrommen:
                return new HvaKosterStrommenClient(http);
            case PriceChoiceKind.Entsoe when configured?.EntsoeToken is { } token:
                return new EntsoeClient(http, token, new NorgesBankRates(http));
            case PriceChoiceKind.Entsoe:
                error.WriteLine($"han cost: --prices entsoe needs the token of the ENTSO-E Transparency Platform in the configuration ({EntsoeClient.TokenSetting}); see docs/prices.md");
                return null;
            default:
                return configured is not null ? configured.CreateSource(http) : new HvaKosterStrommenClient(http);
        }
    }

    private static List<PricingSpot> ToEngine(IEnumerable<Han.Integrations.Prices.SpotPrice> prices) =>
        [.. prices.Select(p => new PricingSpot(p.Start, p.Length, p.NokPerKwh))];
}
