using Han.Cli.Configuration;
using Han.Integrations.Prices;
using Han.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Han.Cli.Service;

/// <summary>
/// <c>han run</c>'s spot prices (docs/prices.md): the <see cref="PriceUpdater"/> of the configured zone and
/// source, keeping today's and tomorrow's prices in the history's store; its troubles go to the log.
/// </summary>
internal sealed class PriceFetching : BackgroundService
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(100) };
    private readonly PriceUpdater _updater;

    public PriceFetching(PricesConfiguration prices, IHistoryStore store, ILogger log, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(prices);
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("han/" + typeof(PriceFetching).Assembly.GetName().Version?.ToString(3));
        _updater = new PriceUpdater(prices.CreateSource(_http), new StorePriceCache(PriceStores.Of(store)), prices.Zone, clock, (text, level) => ServiceLog.Write(log, level, text));
    }

    public override void Dispose()
    {
        _http.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            await _updater.RunAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // han run stops: nothing is half-written (each day is written in one transaction).
        }
    }
}
