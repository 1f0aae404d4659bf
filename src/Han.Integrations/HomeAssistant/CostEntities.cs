namespace Han.Integrations.HomeAssistant;

/// <summary>
/// The meter device's entities for what its electricity costs (issue 11), read from the meter's cost
/// topic (<c>han/&lt;meter&gt;/cost</c>, docs/mqtt.md "The cost") rather than its state. Each is announced once han
/// has computed its value (no entity for what han does not know), and the alert only when
/// <c>grid.step_alert</c> is on. Classes by integrations.md §1.6 and §1.8:
/// <list type="bullet">
/// <item>the price is <c>NOK/kWh</c> without device class: <c>monetary</c> takes only a bare currency
/// and the state class <c>total</c>, while the Energy dashboard's price entity needs a unit ending in
/// <c>/kWh</c>; <c>measurement</c>, as a price is a value now;</item>
/// <item>the costs of the hour, day and month are <c>monetary</c>, <c>total</c>, <c>NOK</c>, each with
/// <c>last_reset</c> at the start of its hour, day or month, so that Home Assistant's statistics take
/// the fall to 0 for a new cycle and not for a negative cost;</item>
/// <item>the headroom is a value now in kWh, <c>measurement</c> without device class (<c>energy</c>
/// allows only totals, <c>energy_storage</c> means energy stored in a battery); a main entity, not a
/// diagnostic: it is what a household acts on (an automation that holds back the water heater);</item>
/// <item>the step is a text ("2-5 kWh/h") and its fee a value in <c>NOK/month</c>.</item>
/// </list>
/// No cost entity expires: they change once a minute, and han's and the meter's availability already
/// say when han is away.
/// </summary>
public static class CostEntities
{
    /// <summary>The meter topic the entities read: <c>han/&lt;meter&gt;/cost</c>.</summary>
    public const string Topic = "cost";

    public static HomeAssistantEntity Price { get; } =
        new("price", "price_now", "Electricity price", null, "measurement", "NOK/kWh", 4, Topic: Topic);

    public static HomeAssistantEntity HourCost { get; } = Money("cost_hour", "hour_cost", "Cost this hour", "hour_start");

    public static HomeAssistantEntity DayCost { get; } = Money("cost_day", "day_cost", "Cost today", "day_start");

    public static HomeAssistantEntity MonthCost { get; } = Money("cost_month", "month_cost", "Cost this month", "month_start");

    public static HomeAssistantEntity Step { get; } =
        new("cap_step", "capacity_step", "Capacity step", null, null, null, null, Topic: Topic);

    public static HomeAssistantEntity StepFee { get; } =
        new("cap_step_fee", "capacity_step_nok_per_month", "Capacity step fee", null, "measurement", "NOK/month", 2, Topic: Topic);

    public static HomeAssistantEntity Headroom { get; } =
        new("cap_headroom", "headroom_kwh", "Capacity headroom", null, "measurement", "kWh", 3, Topic: Topic);

    /// <summary>On while the hour under way is projected to raise the month's capacity step (<c>grid.step_alert</c>).</summary>
    public static HomeAssistantEntity StepAlert { get; } =
        new("cap_alert", "step_at_risk", "Capacity step at risk", "problem", null, null, null, Topic: Topic, Platform: "binary_sensor");

    public static IReadOnlyList<HomeAssistantEntity> All { get; } = [Price, HourCost, DayCost, MonthCost, Step, StepFee, Headroom, StepAlert];

    private static HomeAssistantEntity Money(string id, string key, string name, string lastResetKey) =>
        new(id, key, name, "monetary", "total", "NOK", 2, Topic: Topic, LastResetKey: lastResetKey);
}
