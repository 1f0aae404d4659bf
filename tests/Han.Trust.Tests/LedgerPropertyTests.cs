using FsCheck;
using FsCheck.Fluent;

namespace Han.Trust.Tests;

public class LedgerPropertyTests
{
    private static readonly DateTimeOffset Start = new(2026, 10, 20, 0, 0, 0, TimeSpan.Zero);

    /// <summary>1 to 200 hours of 0 to 15 kWh each, in Wh steps (a meter's register resolution).</summary>
    private static Gen<decimal[]> Hours() =>
        from count in Gen.Choose(1, 200)
        from wh in Gen.ArrayOf(Gen.Choose(0, 15_000), count)
        select wh.Select(w => w / 1000m).ToArray();

    [Fact]
    public void Build_AnySpanOfCleanLists_SumsToTheRegisterDifferenceHourByHour()
    {
        var property = Prop.ForAll(Arb.From(Hours()), hours =>
        {
            var history = MeterHistory.Of(Start, hours);
            var rows = history.Ledger();
            return rows.Count == hours.Length
                && rows.All(r => r.IsExact && r.Flags.Count == 0)
                && rows.Select(r => r.Import.Kwh!.Value).SequenceEqual(hours)
                && rows.Sum(r => r.Import.Kwh!.Value) == history.RegisterDifference();
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(200), property);
    }

    [Fact]
    public void Build_ListsMissingAnywhere_StillSumToTheRegisterDifferenceExactly()
    {
        var gen =
            from hours in Hours()
            from keep in Gen.ArrayOf(Gen.Elements(true, true, false), hours.Length + 1)
            select (hours, keep);
        var property = Prop.ForAll(Arb.From(gen), sample =>
        {
            var (hours, keep) = sample;
            var history = MeterHistory.Of(Start, hours);
            // The first and last lists stay: they are the span's ends.
            for (var n = 1; n < hours.Length; n++)
            {
                if (!keep[n])
                {
                    history.Drop(Start.AddHours(n));
                }
            }

            var rows = history.Ledger();
            var quarters = QuarterHours.Split(rows, history.Quarters, history.Options.Zone);
            return rows.Count == hours.Length
                && rows.Sum(r => r.Import.Kwh!.Value) == history.RegisterDifference()
                && quarters.Sum(q => q.Import.Kwh!.Value) == history.RegisterDifference()
                && rows.Where(r => r.Flags.Count == 0).All(r => r.IsExact)
                && rows.Where(r => !r.IsExact).All(r => r.Flags.Any(f => f.Kind == HourFlagKind.MissingList));
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(200), property);
    }
}
