using Han.Costs;
using Han.Integrations.HomeAssistant;
using Han.Integrations.Mqtt;
using Han.Live;
using Han.Live.Fanout;
using Han.Storage;
using Han.Storage.Queries;

namespace Han.Integrations.Costs;

/// <summary>
/// The cost of one meter on MQTT (issue 11, point 4): every minute, on the minute (so also at each
/// hour's start), the hour under way is projected as the dashboard does (<see cref="CapacityReckoning"/>,
/// from the store's minutes of the hour and the live reading), the cost now and so far computed with
/// its import so far (<see cref="LiveCost"/>), and the result published retained on
/// <c>han/&lt;meter&gt;/cost</c>. Home Assistant's device is told which values exist, so each cost
/// entity appears once han knows its value. With the step alert on, a message on
/// <c>han/&lt;meter&gt;/step_alert</c> whenever the hour's projection starts or stops reaching the
/// limit, and a log line once per hour.
/// </summary>
public sealed class CostPublisher
{
    private readonly string _meter;
    private readonly LiveCost _cost;
    private readonly IHistoryStore _store;
    private readonly IMqttPublisher _mqtt;
    private readonly CostPublisherOptions _options;
    private readonly StepAlert _alert = new();
    private string? _trouble;

    public CostPublisher(string meter, LiveCost cost, IHistoryStore store, IMqttPublisher mqtt, CostPublisherOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(meter);
        _meter = meter;
        _cost = cost ?? throw new ArgumentNullException(nameof(cost));
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _mqtt = mqtt ?? throw new ArgumentNullException(nameof(mqtt));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        CostTopic = DiscoveryTopics.Meter(mqtt.TopicPrefix, meter, CostEntities.Topic);
        AlertTopic = DiscoveryTopics.Meter(mqtt.TopicPrefix, meter, "step_alert");
    }

    /// <summary><c>han/&lt;meter&gt;/cost</c>: the cost document, retained.</summary>
    public string CostTopic { get; }

    /// <summary><c>han/&lt;meter&gt;/step_alert</c>: the alert's changes, not retained (the document's <c>step_at_risk</c> is the state).</summary>
    public string AlertTopic { get; }

    /// <summary>Publishes now, then on every minute; until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var time = _options.Time;
        while (!cancellationToken.IsCancellationRequested)
        {
            await PublishAsync(time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            var now = time.GetUtcNow();
            var next = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerMinute), TimeSpan.Zero).AddMinutes(1);
            await Task.Delay(next - now, time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Computes the cost at <paramref name="now"/> and publishes it; a store that fails is told once and tried again next time.</summary>
    public async Task PublishAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            var zone = _cost.Profile.TimeZone;
            var monthStart = HistoryTime.StartOfMonth(now, zone);
            var hourStart = CapacityReckoning.HourStart(now);
            var hours = await _store.ReadAggregatesAsync(_meter, AggregateResolution.Hour, monthStart, now.AddHours(1), cancellationToken).ConfigureAwait(false);
            var minutes = await _store.ReadMinutePowerAsync(_meter, hourStart, now.AddMinutes(1), cancellationToken).ConfigureAwait(false);
            var hour = CapacityReckoning.Project(now, HistoryTime.LocalDate(monthStart, zone), zone, hours, minutes, _options.Live?.Invoke());
            // The month's hours just read serve the cost too: one read of them a minute, not two.
            var snapshot = await _cost.ComputeAsync(_store, _meter, now, hour.ImportKwh, cancellationToken, hours).ConfigureAwait(false);
            Publish(snapshot, hour, zone);
            Fine();
        }
        catch (Exception problem) when (problem is not OperationCanceledException)
        {
            // The store failing (disk full, database away) must not end the loop: said once, tried again next minute.
            Trouble($"cost {_meter}: the cost could not be computed ({problem.Message}); han tries again every minute");
        }
    }

    private void Publish(CostSnapshot snapshot, CurrentHour hour, TimeZoneInfo zone)
    {
        var change = _options.StepAlert ? _alert.Update(hour, snapshot.HeadroomKwh) : StepAlertChange.None;
        var (json, known) = CostDocument.Write(_meter, snapshot, hour, zone, _options.StepAlert ? _alert.IsOn : null);
        _mqtt.Publish(new MqttOutgoing(CostTopic, json, Retain: true));
        if (change.Changed)
        {
            _mqtt.Publish(new MqttOutgoing(AlertTopic, CostDocument.WriteAlert(_meter, snapshot, hour, zone, change), Retain: false));
        }

        if (change.ToLog)
        {
            _options.Report(
                $"cost {_meter}: this hour is projected to raise the month's capacity step ({CostDocument.Plain(hour.ProjectedKwh)} kWh by the hour's end, {CostDocument.Plain(hour.ImportKwh + snapshot.HeadroomKwh!.Value)} kWh allowed on {CostDocument.StepText(snapshot.Step, snapshot.StepUpToKwhPerHour)}); said once an hour",
                NoteLevel.Warning);
        }

        _options.CostKnown?.Invoke(known);
    }

    private void Trouble(string text)
    {
        if (_trouble != text)
        {
            _trouble = text;
            _options.Report(text, NoteLevel.Error);
        }
    }

    private void Fine()
    {
        if (_trouble is not null)
        {
            _trouble = null;
            _options.Report($"cost {_meter}: the cost is computed again", NoteLevel.Information);
        }
    }
}
