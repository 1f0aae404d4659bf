using Han.Readings;
using Han.Simulation.Load;
using Han.Simulation.Meters;
using Han.Simulation.Vendors;

namespace Han.Simulation.Tests;

/// <summary>Currents and voltages follow from the power as a TN or IT installation makes them.</summary>
public sealed class ElectricalModelTests
{
    private static readonly double[] Nominal = [1, 1, 1];

    [Fact]
    public void Tn_ResistiveLoadOnL2_DrawsItsCurrentOnL2Only()
    {
        var values = Measure(Grid.Tn, (1, 2300, 0));

        Assert.Equal([0, 10, 0], values.Currents.Select(current => Math.Round(current, 6)));
        Assert.Equal(2300, values.ActivePower, 6);
        Assert.Equal(230 - 2.0, values.Voltages[1], 6); // 10 A over 0.2 ohm
    }

    [Theory]
    [InlineData(0, new double[] { 10, 10, 0 })] // between L1 and L2
    [InlineData(1, new double[] { 0, 10, 10 })] // between L2 and L3
    [InlineData(2, new double[] { 10, 0, 10 })] // between L3 and L1
    public void It_LoadBetweenTwoLines_FlowsInThoseTwoLines(int branch, double[] expected)
    {
        var values = Measure(Grid.It, (branch, 2300, 0));

        Assert.Equal(expected, values.Currents.Select(current => Math.Round(Math.Abs(current), 6)));
    }

    [Fact]
    public void It_BalancedThreePhaseLoad_DrawsPOverRootThreeU_InEveryLine()
    {
        var values = Measure(Grid.It, (0, 2300, 0), (1, 2300, 0), (2, 2300, 0));

        Assert.All(values.Currents, current => Assert.Equal(6900 / (Math.Sqrt(3) * 230), Math.Abs(current), 6));
        Assert.All(values.Voltages, voltage => Assert.InRange(voltage, 225, 230));
    }

    [Fact]
    public void It_ThreeWireMeters_ReportL2AsTheirVendorDoes()
    {
        var aidon = Simulation.For("aidon", TimeSpan.FromSeconds(20), 3, Grid.It).Sent.First(list => list.Kind == ListKind.Full).Content;
        var kaifa = Simulation.For("kaifa", TimeSpan.FromSeconds(20), 3, Grid.It).Sent.First(list => list.Kind == ListKind.Full).Content;
        var kamstrup = Simulation.For("kamstrup", TimeSpan.FromSeconds(20), 3, Grid.It).Sent.First(list => list.Kind == ListKind.Full).Content;

        Assert.False(aidon.Has(ReadingField.CurrentL2));
        Assert.InRange(aidon[ReadingField.VoltageL2]!.Value, 220, 240);
        Assert.Equal(0, kaifa[ReadingField.VoltageL2]);
        Assert.True(kaifa[ReadingField.CurrentL2] > 0);
        Assert.InRange(kamstrup[ReadingField.VoltageL2]!.Value, 220, 240);
    }

    [Fact]
    public void Aidon_ExportingPhase_SendsANegativeCurrent()
    {
        var options = Simulation.Options("aidon", phases: 1) with { SolarPeakKilowatts = 10, Start = new DateTimeOffset(2025, 6, 21, 13, 0, 0, TimeSpan.FromHours(2)) };

        var exporting = Simulation.For(options, TimeSpan.FromMinutes(2)).Sent.Select(list => list.Content)
            .Where(reading => reading[ReadingField.ActivePowerExport] > 0).ToList();

        Assert.NotEmpty(exporting);
        Assert.All(exporting, reading => Assert.True(reading[ReadingField.CurrentL1] < 0));
    }

    private static MeterValues Measure(Grid grid, params (int Branch, double Watts, double Vars)[] loads)
    {
        var branches = new BranchLoads(3);
        foreach (var (branch, watts, vars) in loads)
        {
            branches.Add(branch, watts, vars);
        }

        return ElectricalModel.Measure(branches, Nominal, 3, grid);
    }
}
