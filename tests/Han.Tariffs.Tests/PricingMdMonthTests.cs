using System.Globalization;
using Han.Pricing;

namespace Han.Tariffs.Tests;

/// <summary>
/// The shipped files costed through the engine give what specs/pricing.md §5.3 states for each company
/// and date: the capacity step's monthly price and the energiledd low/high prices with their hours.
/// </summary>
public class PricingMdMonthTests
{
    /// <summary>
    /// Steps of §5.3 as "lower bound:kr/month ex VAT", rounded to the øre as the table shows them (Lede's
    /// first step covers 0-5).
    /// </summary>
    [Theory]
    [InlineData("bkk", "2025-09-01", "0:124 2:200 5:332 10:480 15:616 20:752 25:1440")]
    [InlineData("bkk", "2026-01-01", "0:124 2:200 5:332 10:480 15:616 20:752 25:1440")]
    [InlineData("tensio-tn", "2026-01-01", "0:107.20 2:216 5:390.40 10:591.20 15:792.80 20:994.40 25:1732.80")]
    [InlineData("tensio-tn", "2026-07-01", "0:112.80 2:227.20 5:409.60 10:620.80 15:832.80 20:1044 25:1819.20")]
    [InlineData("tensio-ts", "2026-07-01", "0:104.80 2:186.40 5:317.60 10:468 15:620 20:771.20 25:1324")]
    [InlineData("norgesnett", "2025-07-01", "0:94.31 2:157.19 5:258.50 10:459.70 15:610.60 20:757.32 25:1173.70")]
    [InlineData("norgesnett", "2026-07-01", "0:112 2:186 5:312 10:556 15:748 20:916 25:1450")]
    [InlineData("lede", "2026-05-01", "0:215 5:367 10:518 15:670 20:822 25:1277")]
    public void Resolve_ShippedCompany_HasTheStepsPricingMdLists(string company, string from, string steps)
    {
        var day = DateOnly.Parse(from, CultureInfo.InvariantCulture);
        var period = GridTariffs.Resolve(company).PeriodFor(day, CustomerGroup.Household);

        Assert.Equal(day, period.ValidFrom);
        foreach (var step in steps.Split(' '))
        {
            var (lower, monthly) = (decimal.Parse(step.Split(':')[0], CultureInfo.InvariantCulture), decimal.Parse(step.Split(':')[1], CultureInfo.InvariantCulture));
            var found = Assert.Single(period.Capacity.Steps, s => s.FromKwhPerHour == lower);
            Assert.Equal(monthly, Math.Round(found.NokPerMonth, 2, MidpointRounding.AwayFromZero));
        }
    }

    /// <summary>
    /// A month of 1 kWh every hour with three peaks of 7, 6 and 5 kWh on three days (and a 6.5 on the
    /// first peak's day, which must not count twice): the mean of the daily maxima is 6 kWh/h, so the
    /// 5-10 step of §5.3; the energiledd's high price on the hours §5.3 names, the low one elsewhere.
    /// </summary>
    [Theory]
    [InlineData("bkk", 2025, 9, "Høylast virkedag", "virkedag", 18.99, 28.77, 332.0)]
    [InlineData("bkk", 2026, 1, "Høylast virkedag", "virkedag", 10.50, 28.77, 332.0)]
    [InlineData("tensio-tn", 2026, 1, "Dag", "alle", 13.006, 25.902, 390.40)]
    [InlineData("tensio-tn", 2026, 7, "Dag", "alle", 13.702, 27.198, 409.60)]
    [InlineData("tensio-ts", 2026, 7, "Dag", "alle", 10.902, 22.102, 317.60)]
    [InlineData("norgesnett", 2025, 7, "Høylast", "alle", 13.29, 20.26, 258.50)]
    [InlineData("norgesnett", 2026, 7, "Dag", "alle", 13.60, 25.60, 312.0)]
    [InlineData("lede", 2026, 5, null, null, 11.41, 11.41, 367.0)]
    public void Compute_ShippedCompanyMonth_BillsPricingMdsStepAndEnergiledd(
        string company, int year, int month, string? highName, string? highDays, double low, double high, double monthlyStep)
    {
        var peaks = new Dictionary<(int Day, int Hour), decimal> { [(12, 18)] = 7m, [(12, 19)] = 6.5m, [(13, 18)] = 6m, [(14, 18)] = 5m };
        var hours = Oslo.Month(year, month, local => peaks.GetValueOrDefault((local.Day, local.Hour), 1m));

        var report = Costing.Month(GridTariffs.Resolve(company), year, month, hours);

        var capacity = Assert.Single(report.Capacity);
        Assert.Equal(6m, capacity.AverageKwh);
        var segment = Assert.Single(capacity.Segments);
        Assert.Equal(5m, segment.StepFromKwhPerHour);
        Assert.Equal((decimal)monthlyStep, Math.Round(segment.NokPerMonthExVat, 2, MidpointRounding.AwayFromZero));

        bool IsHigh(DateTime local) => highDays is not null && local.Hour is >= 6 and <= 21 && (highDays == "alle" || Oslo.IsWorkingDay(local));
        var highKwh = hours.Where(h => IsHigh(h.Local)).Sum(h => h.Kwh);
        var lowKwh = hours.Where(h => !IsHigh(h.Local)).Sum(h => h.Kwh);
        Assert.Equal(lowKwh, report.EnergyKwh("grunnpris"));
        Assert.Equal((decimal)low / 100m * 1.25m, report.Lines.Single(l => l.Item == "Energiledd grunnpris").UnitPrice);
        if (highName is not null)
        {
            Assert.Equal(highKwh, report.EnergyKwh(highName));
            Assert.Equal((decimal)high / 100m * 1.25m, report.Lines.Single(l => l.Item == $"Energiledd {highName}").UnitPrice);
        }
        else
        {
            Assert.Single(report.Lines, l => l.Kind == LineKind.EnergyCharge);
        }
    }

    [Theory]
    [InlineData(2.00, 227.20)] // terskel_inkludert: true, so exactly 2 kWh/h is on the 2-5 step
    [InlineData(1.99, 112.80)]
    public void Compute_TensioTnOnTheThreshold_IsOnTheHigherStep(double peak, double monthlyStep)
    {
        var hours = Oslo.Month(2026, 7, local => local.Hour == 18 && local.Day is 6 or 7 or 8 ? (decimal)peak : 1m);

        var report = Costing.Month(GridTariffs.Resolve("tensio-tn"), 2026, 7, hours);

        var segment = Assert.Single(Assert.Single(report.Capacity).Segments);
        Assert.Equal((decimal)monthlyStep, Math.Round(segment.NokPerMonthExVat, 2, MidpointRounding.AwayFromZero));
    }
}
