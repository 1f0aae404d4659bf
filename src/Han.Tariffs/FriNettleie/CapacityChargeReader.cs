using Han.Pricing;

namespace Han.Tariffs.FriNettleie;

/// <summary>
/// fri-nettleie's <c>fastledd</c> (tariff.cue <c>#Fastledd</c>): the method that measures the month's
/// power, whether a power on a threshold is on the higher step, and the steps with their price per
/// <b>year</b> (a month is a twelfth, specs/pricing.md §5.1).
/// </summary>
internal static class CapacityChargeReader
{
    private const string Threshold = "the step's lower bound in kWh/h (amperes for OV_TREFASE), 0 or more";

    private const string YearlyPrice = "the step's price in kr per year excluding VAT, 0 or more";

    private const string ThresholdIncluded = "true when a power exactly on a threshold is on the higher step (2.00 on \"2-5\", as most companies say \"2-5\" or \"2-4.99\"), false when the company says \"2.01-5\"";

    public static CapacityCharge Read(FriNode fastledd)
    {
        fastledd.AllowOnly("metode", "terskel_inkludert", "terskler");
        var method = Method(fastledd.Required("metode", $"one of {Methods}"));

        // tariff.cue allows null here ("not known"); the step on a threshold depends on it, so han
        // asks rather than guesses.
        var included = fastledd.Optional("terskel_inkludert")?.Boolean(ThresholdIncluded)
            ?? throw fastledd.Missing("terskel_inkludert", $"true or false (null, \"not known\", cannot choose a step): {ThresholdIncluded}");

        var terskler = fastledd.Required("terskler", "a list of steps (terskel, pris), the first from 0");
        var steps = new List<CapacityStep>();
        foreach (var terskel in terskler.Items("steps (terskel, pris)"))
        {
            terskel.AllowOnly("terskel", "pris");
            var fromNode = terskel.Required("terskel", Threshold);
            var from = fromNode.Number(Threshold);
            if (from < 0)
            {
                throw fromNode.Invalid($"is below 0; it must be {Threshold}");
            }

            if (steps.Any(s => s.FromKwhPerHour == from))
            {
                throw fromNode.Invalid("is the lower bound of an earlier step too; each step needs its own threshold");
            }

            var priceNode = terskel.Required("pris", YearlyPrice);
            var perYear = priceNode.Number(YearlyPrice);
            if (perYear < 0)
            {
                throw priceNode.Invalid($"is below 0; it must be {YearlyPrice}");
            }

            steps.Add(CapacityStep.PerYear(from, perYear));
        }

        if (!steps.Any(s => s.FromKwhPerHour == 0m))
        {
            var lowest = steps.Count == 0 ? "no step" : $"the lowest step starting at {steps.Min(s => s.FromKwhPerHour)}";
            throw terskler.Invalid($"has {lowest}; the steps must start with terskel: 0 so that every month has a price");
        }

        return new CapacityCharge(method, included, steps);
    }

    private static string Methods => string.Join(", ", Vocabulary.CapacityMethods.Select(m => m.Key));

    private static CapacityMethod Method(FriNode metode)
    {
        if (metode.Text("a method") == "UKJENT")
        {
            throw metode.Invalid($"means the company's method is not known, so no capacity step can be computed; find it on the company's pages (kilder) and write one of {Methods}");
        }

        return Vocabulary.Lookup(metode, Vocabulary.CapacityMethods, "capacity method");
    }
}
