using System.Text.Json;
using Han.Costs;
using Han.Integrations.Costs;
using Han.Integrations.HomeAssistant;
using Han.Integrations.Mqtt;
using Han.Integrations.Tests.HomeAssistant;
using Han.Integrations.Tests.Mqtt;
using Han.Live.Fanout;
using Han.TestCorpus.Servers;
using static Han.Integrations.Tests.Costs.CostFixture;

namespace Han.Integrations.Tests.Costs;

/// <summary>
/// The cost of a meter on a real mosquitto, through han's own connection, checked with mosquitto_sub:
/// the values on <c>han/house/cost</c> against what the pricing rules give (computed here), the cost
/// entities in the meter's Home Assistant device, and the capacity step alert going on and off.
/// </summary>
public sealed class CostPublisherTests
{
    private const string CostTopic = "han/house/cost";
    private const string Configs = "homeassistant/device/+/config";
    private const string KamstrupTopic = "homeassistant/device/han_5705705705705702/config";

    [Fact]
    public async Task PublishAsync_NorgesprisAfternoon_CostTopicCarriesWhatThePricingRulesGive()
    {
        await using var costs = await CostFixture.CreateAsync();
        using var broker = new MosquittoBroker();
        await using var han = new ConnectionUnderTest(broker);
        var publisher = Publisher(costs, han, new CostPublisherOptions((_, _) => { }, TimeProvider.System));
        await han.StartAsync();

        await publisher.PublishAsync(Now, CancellationToken.None);
        await han.DrainAsync();
        using var subscriber = new MosquittoSubscriber(broker, [CostTopic]);
        var message = await subscriber.WaitForTopicAsync(CostTopic);

        Assert.True(message.Retained);
        using var document = JsonDocument.Parse(message.Payload);
        var cost = document.RootElement;
        Assert.Equal(DayPrice, cost.GetProperty("price_now").GetDecimal());
        Assert.Equal(1.02525m, DayPrice); // (40 + 4.9 + 28.99 + 7.13 + 1) øre × 1.25
        Assert.Equal(Round4(0.6m * DayPrice), cost.GetProperty("hour_cost").GetDecimal());
        var todayStart = new DateTimeOffset(2026, 8, 12, 0, 0, 0, TimeSpan.FromHours(2));
        var day = costs.Hours.Where(h => h.Start >= todayStart)
            .Sum(h => h.Kwh * (TimeZoneInfo.ConvertTime(h.Start, Oslo).Hour is >= 6 and < 22 ? DayPrice : NightPrice)) + (0.6m * DayPrice);
        Assert.Equal(Round4(day), cost.GetProperty("day_cost").GetDecimal());
        var energyOfTheMonth = costs.Hours.Sum(h => h.Kwh * (IsWorkingDayHour(h.Start) ? DayPrice : NightPrice)) + (0.6m * DayPrice);
        Assert.True(cost.GetProperty("month_cost").GetDecimal() > energyOfTheMonth, "the month's invoice so far has the energy and a share of the capacity fee");
        Assert.Equal("2026-08-12T14:00:00+02:00", cost.GetProperty("hour_start").GetString());
        Assert.Equal("2026-08-12T00:00:00+02:00", cost.GetProperty("day_start").GetString());
        Assert.Equal("2026-08-01T00:00:00+02:00", cost.GetProperty("month_start").GetString());
        // Trusted daily maxima 4.0, 3.5 and 3.0: mean 3.5 kWh/h, step 2-5 at 200 kr + VAT; the hour may take 3 × 5 − 4 − 3.5 − 0.6 more.
        Assert.Equal("2-5 kWh/h", cost.GetProperty("capacity_step").GetString());
        Assert.Equal(250m, cost.GetProperty("capacity_step_nok_per_month").GetDecimal());
        Assert.Equal(6.9m, cost.GetProperty("headroom_kwh").GetDecimal());
        Assert.Equal(0.6m, cost.GetProperty("hour_import_kwh").GetDecimal());
        Assert.False(cost.TryGetProperty("step_at_risk", out _)); // no alert unless grid.step_alert
    }

    [Fact]
    public async Task PublishAsync_WithHomeAssistant_CostEntitiesJoinTheMetersDevice()
    {
        await using var costs = await CostFixture.CreateAsync();
        using var broker = new MosquittoBroker();
        await using var han = new ConnectionUnderTest(broker);
        using var subscriber = new MosquittoSubscriber(broker, [Configs]);
        await using var sink = new HomeAssistantSink("house", new HomeAssistantOptions { CostEntities = CostEntities.All }, han.Connection);
        var publisher = Publisher(costs, han, new CostPublisherOptions((_, _) => { }, TimeProvider.System) { CostKnown = sink.CostKnown, StepAlert = true });
        await han.StartAsync();

        await sink.WriteAsync(new MeterFeed("house").Reading("amshan-kamstrup-no-list1-1ph-real", 0), default);
        var before = await subscriber.WaitForTopicAsync(KamstrupTopic);
        await publisher.PublishAsync(Now, CancellationToken.None);
        var after = await subscriber.WaitForAsync(m => m.Topic == KamstrupTopic && m.Payload.Contains("cost_month", StringComparison.Ordinal));

        Assert.DoesNotContain("cost_", before.Payload, StringComparison.Ordinal); // nothing before the first cost
        using var document = JsonDocument.Parse(after.Payload);
        var root = document.RootElement;
        Assert.Equal("han/house/state", root.GetProperty("stat_t").GetString()); // the meter's values still read the state
        var components = root.GetProperty("cmps");
        Assert.False(components.GetProperty("p_imp").TryGetProperty("stat_t", out _));

        var price = components.GetProperty("price");
        Assert.Equal(("sensor", CostTopic, "measurement", "NOK/kWh"), (Text(price, "p"), Text(price, "stat_t"), Text(price, "stat_cla"), Text(price, "unit_of_meas")));
        Assert.False(price.TryGetProperty("dev_cla", out _)); // integrations.md §1.8: monetary would refuse NOK/kWh
        Assert.Equal("{{ value_json.price_now }}", Text(price, "val_tpl"));

        foreach (var (id, key, reset) in new[] { ("cost_hour", "hour_cost", "hour_start"), ("cost_day", "day_cost", "day_start"), ("cost_month", "month_cost", "month_start") })
        {
            var money = components.GetProperty(id);
            Assert.Equal(("monetary", "total", "NOK", CostTopic), (Text(money, "dev_cla"), Text(money, "stat_cla"), Text(money, "unit_of_meas"), Text(money, "stat_t")));
            Assert.Equal("{{ value_json." + key + " }}", Text(money, "val_tpl"));
            Assert.Equal("{{ value_json." + reset + " }}", Text(money, "lrst_val_tpl"));
            Assert.Equal("han_5705705705705702_" + id, Text(money, "uniq_id"));
        }

        var headroom = components.GetProperty("cap_headroom");
        Assert.Equal(("measurement", "kWh", CostTopic), (Text(headroom, "stat_cla"), Text(headroom, "unit_of_meas"), Text(headroom, "stat_t")));
        Assert.False(headroom.TryGetProperty("ent_cat", out _)); // a main entity: what a household acts on
        Assert.Equal("{{ value_json.capacity_step }}", Text(components.GetProperty("cap_step"), "val_tpl"));
        Assert.Equal("NOK/month", Text(components.GetProperty("cap_step_fee"), "unit_of_meas"));

        var alert = components.GetProperty("cap_alert");
        Assert.Equal(("binary_sensor", "problem", CostTopic), (Text(alert, "p"), Text(alert, "dev_cla"), Text(alert, "stat_t")));
        Assert.Equal("binary_sensor.han_house_step_at_risk", Text(alert, "default_entity_id"));
        Assert.Equal("{{ 'ON' if value_json.step_at_risk else 'OFF' }}", Text(alert, "val_tpl"));
    }

    [Fact]
    public async Task PublishAsync_NoPricesYet_NoPriceEntityButTheStepIsThere()
    {
        await using var costs = await CostFixture.CreateAsync(withPrices: false);
        using var broker = new MosquittoBroker();
        await using var han = new ConnectionUnderTest(broker);
        using var subscriber = new MosquittoSubscriber(broker, [Configs, CostTopic]);
        await using var sink = new HomeAssistantSink("house", new HomeAssistantOptions { CostEntities = CostEntities.All }, han.Connection);
        var publisher = Publisher(costs, han, new CostPublisherOptions((_, _) => { }, TimeProvider.System) { CostKnown = sink.CostKnown });
        await han.StartAsync();

        await sink.WriteAsync(new MeterFeed("house").Reading("amshan-kamstrup-no-list1-1ph-real", 0), default);
        await publisher.PublishAsync(Now, CancellationToken.None);
        var config = await subscriber.WaitForAsync(m => m.Topic == KamstrupTopic && m.Payload.Contains("cap_step", StringComparison.Ordinal));
        var cost = await subscriber.WaitForTopicAsync(CostTopic);

        using var document = JsonDocument.Parse(config.Payload);
        var components = document.RootElement.GetProperty("cmps");
        Assert.False(components.TryGetProperty("price", out _));
        Assert.False(components.TryGetProperty("cap_alert", out _)); // no step_alert
        Assert.Contains("\"price_now\":null", cost.Payload, StringComparison.Ordinal); // Home Assistant: unknown
        Assert.Contains("\"capacity_step\":\"2-5 kWh/h\"", cost.Payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CostKnown_CostNotConfigured_NoCostEntity()
    {
        await using var costs = await CostFixture.CreateAsync();
        using var broker = new MosquittoBroker();
        await using var han = new ConnectionUnderTest(broker);
        using var subscriber = new MosquittoSubscriber(broker, [Configs]);
        await using var sink = new HomeAssistantSink("house", new HomeAssistantOptions(), han.Connection);
        await han.StartAsync();

        await sink.WriteAsync(new MeterFeed("house").Reading("amshan-kamstrup-no-list1-1ph-real", 0), default);
        sink.CostKnown(["price_now", "hour_cost", "day_cost", "month_cost", "capacity_step", "headroom_kwh", "step_at_risk"]);
        await sink.WriteAsync(new MeterFeed("house").Line(12), default); // something new: announced again
        await subscriber.WaitForAsync(m => m.Payload.Contains("chk_err", StringComparison.Ordinal));
        await han.DrainAsync();

        Assert.All(subscriber.Messages, m => Assert.DoesNotContain(CostTopic, m.Payload, StringComparison.Ordinal));
        Assert.All(CostEntities.All, e => Assert.DoesNotContain("\"" + e.Id + "\"", subscriber.Messages[^1].Payload, StringComparison.Ordinal));
    }

    [Fact]
    public async Task PublishAsync_ProjectionReachesTheLimitThenFallsBack_AlertOnThenOffLoggedOnce()
    {
        await using var costs = await CostFixture.CreateAsync();
        using var broker = new MosquittoBroker();
        await using var han = new ConnectionUnderTest(broker);
        using var subscriber = new MosquittoSubscriber(broker, [CostTopic, "han/house/step_alert"]);
        var log = new List<(string Text, NoteLevel Level)>();
        var publisher = Publisher(costs, han, new CostPublisherOptions((text, level) => log.Add((text, level)), TimeProvider.System) { StepAlert = true });
        await han.StartAsync();

        // 12 kW in the minute before 14:20: 0.6 + 12 × 40/60 = 8.6 kWh by 15:00, past the 7.5 the step allows (0.6 + 6.9).
        await costs.StoreMinuteAsync(Now.AddMinutes(-1), 12_000);
        await publisher.PublishAsync(Now, CancellationToken.None);
        var on = await subscriber.WaitForTopicAsync("han/house/step_alert");
        // 500 W from 14:20: 0.6 + 0.5 × 39/60, far below.
        await costs.StoreMinuteAsync(Now, 500);
        await publisher.PublishAsync(Now.AddMinutes(1), CancellationToken.None);
        var off = await subscriber.WaitForAsync(m => m.Topic == "han/house/step_alert" && m.Payload.Contains("\"step_at_risk\":false", StringComparison.Ordinal));
        await costs.StoreMinuteAsync(Now.AddMinutes(1), 12_000);
        await publisher.PublishAsync(Now.AddMinutes(2), CancellationToken.None);
        await subscriber.WaitForAsync(m => m.Topic == "han/house/step_alert" && m.Payload.Contains("\"hour_projected_kwh\":8.2", StringComparison.Ordinal));

        Assert.False(on.Retained);
        using (var document = JsonDocument.Parse(on.Payload))
        {
            var alert = document.RootElement;
            Assert.True(alert.GetProperty("step_at_risk").GetBoolean());
            Assert.Equal(8.6m, alert.GetProperty("hour_projected_kwh").GetDecimal());
            Assert.Equal(7.5m, alert.GetProperty("limit_kwh").GetDecimal());
            Assert.Equal("2026-08-12T14:00:00+02:00", alert.GetProperty("hour_start").GetString());
        }

        Assert.Contains("\"reason\":\"the projection is below the limit again\"", off.Payload, StringComparison.Ordinal);
        var documents = subscriber.Messages.Where(m => m.Topic == CostTopic).Select(m => JsonDocument.Parse(m.Payload).RootElement.GetProperty("step_at_risk").GetBoolean());
        Assert.Equal([true, false, true], documents);
        Assert.Single(log, l => l.Level == NoteLevel.Warning && l.Text.Contains("projected to raise the month's capacity step (8.6 kWh by the hour's end, 7.5 kWh allowed on 2-5 kWh/h)", StringComparison.Ordinal));
    }

    private static CostPublisher Publisher(CostFixture costs, ConnectionUnderTest han, CostPublisherOptions options) =>
        new("house", new LiveCost(CostProfile.Norway(Settings(), "NO1")), costs.Store, han.Connection, options);

    private static decimal Round4(decimal value) => decimal.Round(value, 4, MidpointRounding.AwayFromZero);

    /// <summary>Elvia's day price: 06-22 on working days (no public holiday in August 2026).</summary>
    private static bool IsWorkingDayHour(DateTimeOffset start)
    {
        var local = TimeZoneInfo.ConvertTime(start, Oslo);
        return local.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && local.Hour is >= 6 and < 22;
    }

    private static string? Text(JsonElement element, string key) => element.GetProperty(key).GetString();
}
