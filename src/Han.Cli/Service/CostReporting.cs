using Han.Costs;
using Han.Integrations.Costs;
using Han.Integrations.HomeAssistant;
using Han.Integrations.Mqtt;
using Han.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Han.Cli.Service;

/// <summary>
/// <c>han run</c>'s cost on MQTT and in Home Assistant (docs/mqtt.md, "The cost"): when the cost is configured
/// (<c>prices:</c> and <c>grid:</c>), the history is kept and MQTT is on, one <see cref="CostPublisher"/>
/// per meter, each fed the meter's live reading by its MQTT state output and telling its Home Assistant
/// device which cost values exist.
/// </summary>
internal sealed class CostReporting(LiveCost cost, IHistoryStore store, IMqttPublisher mqtt, bool stepAlert, ILogger log, TimeProvider clock) : BackgroundService
{
    private readonly List<CostPublisher> _publishers = [];

    /// <summary>The cost entities Home Assistant may get: all of them, the alert only with <c>grid.step_alert</c>.</summary>
    public IReadOnlyList<HomeAssistantEntity> Entities => stepAlert ? CostEntities.All : [.. CostEntities.All.Where(e => e != CostEntities.StepAlert)];

    /// <summary>A meter's publisher, with the outputs of its fan-out it works with (called while the service is put together).</summary>
    public void Attach(string meter, MqttStateSink state, HomeAssistantSink? homeAssistant)
    {
        ArgumentNullException.ThrowIfNull(state);
        _publishers.Add(new CostPublisher(meter, cost, store, mqtt, new CostPublisherOptions((text, level) => ServiceLog.Write(log, level, text), clock)
        {
            Live = () => state.Latest,
            CostKnown = homeAssistant is null ? null : homeAssistant.CostKnown,
            StepAlert = stepAlert,
        }));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            await Task.WhenAll(_publishers.Select(p => p.RunAsync(stoppingToken))).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // han run stops: the last cost document stays retained on the broker.
        }
    }
}
