using Han.Pricing;

namespace Han.Pricing.Tests;

/// <summary>The lines come as the invoices print them: by party, then by kind, whatever order the engine met them in.</summary>
public class LineOrderTests
{
    [Fact]
    public void Compute_MonthWithDayAndNightEnergy_LinesByPartyThenKind()
    {
        // A September with night hours first (00:00) and working-day hours later: the engine meets the
        // night energiledd, elavgift and Enova before the day energiledd.
        var month = Scenario.Month(2026, 9, Load.House(21), Load.Spot(22));

        var report = Scenario.Run(Scenario.Settings(SupportScheme.Norgespris, feeNok: 39m), CostPeriod.Month(2026, 9), month);

        var order = report.Lines.Select(l => (l.Party, l.Kind)).ToList();
        Assert.Equal(order.OrderBy(o => o.Party).ThenBy(o => o.Kind), order);
        var grid = report.LinesOf(Party.Grid).Select(l => l.Kind).ToList();
        Assert.Equal([LineKind.EnergyCharge, LineKind.EnergyCharge, LineKind.CapacityCharge, LineKind.Elavgift, LineKind.Enova], grid);
        Assert.Equal([Party.Supplier, Party.Supplier, Party.Supplier, Party.Grid], report.Lines.Take(4).Select(l => l.Party));
    }
}
