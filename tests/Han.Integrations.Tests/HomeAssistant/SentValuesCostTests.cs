using Han.Integrations.HomeAssistant;

namespace Han.Integrations.Tests.HomeAssistant;

/// <summary>Which cost entities a device earns: those han computed a value for, among those its settings allow.</summary>
public sealed class SentValuesCostTests
{
    [Fact]
    public void Remember_CostComponentsOfAnEarlierRunWithoutCostSettingsNow_AreNotBroughtBack()
    {
        var sent = new SentValues();

        var added = sent.Remember(["e_imp", "cost_day", "price"]);

        Assert.True(added);
        Assert.Equal(["e_imp"], sent.Entities.Select(e => e.Id));
    }

    [Fact]
    public void Remember_CostComponentsWithCostSettings_AreKeptButTheAlertOnlyWhenAllowed()
    {
        var sent = new SentValues([CostEntities.Price, CostEntities.DayCost]);

        sent.Remember(["cost_day", "cap_alert"]);

        Assert.Equal(["cost_day"], sent.Entities.Select(e => e.Id));
    }

    [Fact]
    public void AddCost_KeysWithValues_AddsTheirEntitiesOnceEach()
    {
        var sent = new SentValues(CostEntities.All);

        var first = sent.AddCost(["day_cost", "capacity_step", "at"]);
        var again = sent.AddCost(["day_cost"]);

        Assert.True(first);
        Assert.False(again);
        Assert.Equal(["cost_day", "cap_step"], sent.Entities.Select(e => e.Id));
    }
}
