using System.Globalization;
using System.Text.Json;
using Han.Cli.Tests.Export;
using Han.Storage;
using Han.TestCorpus.Clocks;

namespace Han.Cli.Tests.Cost;

/// <summary>
/// han cost end to end (issue 11): a simulated month in a real SQLite store, through the import path, and
/// its spot prices in the store's cache; han cost --month reads both and must give the totals a
/// calculation written here from pricing.md's rules gives (<see cref="ReferenceInvoice"/>).
/// </summary>
public sealed class CostCommandTests(SimulatedAugust august) : IClassFixture<SimulatedAugust>
{
    private static readonly DateTimeOffset August = SimulatedAugust.Start;
    private static readonly DateTimeOffset September = SimulatedAugust.End;

    [Fact]
    public async Task Cost_SimulatedMonthInTheStore_TotalsMatchAnIndependentCalculation()
    {
        var store = august.Store;
        var prices = august.Prices;

        var result = await CostAsync(store, "--month", "2026-08", "--format", "json");

        Assert.True(result.ExitCode == 0, result.Stderr);
        var hours = (await store.Store.ReadAggregatesAsync("house", AggregateResolution.Hour, August, September, CancellationToken.None))
            .Select(h => new ReferenceInvoice.Hour(h.Start, h.ImportKwh!.Value, h.Exact))
            .ToList();
        Assert.Equal(744, hours.Count);
        Assert.Contains(hours, h => !h.Exact); // the simulated meter lost some hourly lists: estimated hours are billed, not used for the step
        var expected = ReferenceInvoice.Compute(hours, prices, markupOre: 4.9m, feeNok: 39m);
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        Assert.Equal(expected.Supplier, root.GetProperty("supplier_total").GetDecimal());
        Assert.Equal(expected.Grid, root.GetProperty("grid_total").GetDecimal());
        Assert.Equal(expected.Support, root.GetProperty("support_total").GetDecimal());
        Assert.Equal(expected.Total, root.GetProperty("total").GetDecimal());
        var capacity = Assert.Single(root.GetProperty("capacity").EnumerateArray().ToList());
        Assert.Equal(expected.CapacityAverage, capacity.GetProperty("average_kwh").GetDecimal());
        Assert.Equal(expected.CapacityAmount, capacity.GetProperty("amount").GetDecimal());
        Assert.Empty(root.GetProperty("missing_hours").EnumerateArray());
        Assert.Empty(root.GetProperty("unpriced_intervals").EnumerateArray());
        Assert.Equal(expected.Total, root.GetProperty("lines").EnumerateArray().Sum(l => l.GetProperty("amount").GetDecimal()));
    }

    [Fact]
    public async Task Cost_Text_ShowsBothInvoicesTheStepAndTheTotal()
    {
        var store = august.Store;

        var json = await CostAsync(store, "--month", "2026-08", "--format", "json");
        var text = await CostAsync(store, "--month", "2026-08");

        Assert.True(text.ExitCode == 0, text.Stderr);
        var total = JsonDocument.Parse(json.Stdout).RootElement.GetProperty("total").GetDecimal();
        Assert.Contains("Strømleverandør (supplier)", text.Stdout, StringComparison.Ordinal);
        Assert.Contains("Nettselskap (grid company)", text.Stdout, StringComparison.Ordinal);
        Assert.Contains("Capacity step 2026-08", text.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"Total \(NOK, incl\. VAT where it applies\)\s+" + total.ToString("F2", CultureInfo.InvariantCulture).Replace(".", "\\.", StringComparison.Ordinal), text.Stdout);
    }

    [Fact]
    public async Task Cost_PricesForOneDayOnly_ListsTheUnpricedHoursInsteadOfCostingThemAtZero()
    {
        var store = august.Store;
        var prices = Path.Combine(store.Folder, "prices.csv");
        // Only the first day has prices: the rest of the month must be reported, not costed at 0.
        await File.WriteAllLinesAsync(prices, ["start,nok_per_kwh,end", "2026-08-01T00:00:00+02:00,0.50,2026-08-02T00:00:00+02:00"]);

        var result = await CostAsync(store, "--month", "2026-08", "--format", "json", "--prices", prices);

        Assert.True(result.ExitCode == 0, result.Stderr);
        var root = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.Equal(24 * 30, root.GetProperty("unpriced_intervals").GetArrayLength());
        Assert.Contains(root.GetProperty("notes").EnumerateArray(), n => n.GetString()!.Contains("no spot price", StringComparison.Ordinal));
        var spot = root.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("item").GetString() == "Spotpris");
        Assert.Equal(0.50m * 1.25m, spot.GetProperty("unit_price").GetDecimal()); // only the priced day is in the spot line
    }

    [Theory]
    [InlineData("--support", "norgepris", "--support 'norgepris' is not valid; give one of stromstotte, norgespris, none")]
    [InlineData("--month", "2026-13", "--month '2026-13' is not a month; write it as 2026-03")]
    [InlineData("--zone", "NO9", "--zone 'NO9' is not a bidding zone; give one of NO1, NO2")]
    [InlineData("--markup", "4,9", "--markup '4,9' is not a number; give the supplier's markup in øre/kWh excluding VAT")]
    [InlineData("--grid", "nosuchcompany", "--grid 'nosuchcompany': ")]
    public async Task Cost_BadOption_NamesTheOptionTheValueAndWhatIsValid(string option, string value, string expected)
    {
        var folder = Directory.CreateTempSubdirectory("han-test-cost-").FullName;
        var arguments = new List<string> { "cost", "--config", MinimalConfiguration(folder), "--zone", "NO1", "--grid", "elvia", "--consumption", "/dev/null", "--prices", "/dev/null" };
        var at = arguments.IndexOf(option);
        if (at >= 0)
        {
            arguments[at + 1] = value;
        }
        else
        {
            arguments.AddRange([option, value]);
        }

        var result = await HanRunner.Run([.. arguments]);

        Assert.Equal(64, result.ExitCode);
        Assert.Contains("han cost: " + expected, result.Stderr, StringComparison.Ordinal);
    }

    /// <summary>A configuration with a meter and nothing else, so that no test reads the machine's /etc/han/han.yaml.</summary>
    private static string MinimalConfiguration(string folder)
    {
        var path = Path.Combine(folder, "han.yaml");
        File.WriteAllText(path, "meters:\n  - source: /dev/ttyUSB0\n");
        return path;
    }

    private static Task<HanResult> CostAsync(ExportStore store, params string[] options) =>
        Run(new JumpingClock(new DateTimeOffset(2026, 9, 10, 12, 0, 0, TimeSpan.Zero)),
            ["cost", "--config", MinimalConfiguration(store.Folder), "--sqlite", store.Path, "--zone", "NO1", "--grid", "elvia", "--support", "norgespris", "--markup", "4.9", "--supplier-fee", "39", .. options]);

    private static async Task<HanResult> Run(TimeProvider clock, string[] arguments)
    {
        var (exitCode, stdout, stderr) = await HanRunner.RunBytes(clock, arguments);
        return new HanResult(exitCode, System.Text.Encoding.UTF8.GetString(stdout), stderr);
    }
}
