using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Han.Simulation.Faults;

/// <summary>
/// Which faults to inject and how often: a probability per chance (per list for the line faults, per
/// hourly list for missing-hour and repeated-hour). Written as <c>--faults</c> takes it: names separated
/// by commas, each with an optional rate after a colon, as a fraction or a percentage:
/// <c>bad-crc,truncated:0.05,missing-hour:20%</c>; <c>all</c> turns every fault on at its default rate.
/// </summary>
public sealed class FaultPlan
{
    private static readonly (FaultKind Kind, string Name, double DefaultRate)[] Catalog =
    [
        (FaultKind.BadCrc, "bad-crc", 0.01),
        (FaultKind.Truncated, "truncated", 0.01),
        (FaultKind.Garbage, "garbage", 0.01),
        (FaultKind.Disconnect, "disconnect", 0.0005),
        (FaultKind.MissingHour, "missing-hour", 0.05),
        (FaultKind.RepeatedHour, "repeated-hour", 0.05),
    ];

    private readonly Dictionary<FaultKind, double> _rates;

    private FaultPlan(Dictionary<FaultKind, double> rates)
    {
        _rates = rates;
    }

    public static FaultPlan None { get; } = new([]);

    /// <summary>The names <c>--faults</c> takes, in order.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Catalog.Select(entry => entry.Name)];

    public static string Syntax =>
        $"a comma-separated list of {string.Join(", ", Names)} or all, each optionally with :RATE (a fraction 0-1 or a percentage), e.g. bad-crc,truncated:0.05,missing-hour:20%";

    public bool IsEmpty => _rates.Count == 0;

    /// <summary>The chance of <paramref name="kind"/> at each opportunity; 0 when it is not injected.</summary>
    public double RateOf(FaultKind kind) => _rates.GetValueOrDefault(kind);

    /// <summary>A plan with exactly these rates (for tests and callers that build one).</summary>
    public static FaultPlan Of(params (FaultKind Kind, double Rate)[] rates)
    {
        ArgumentNullException.ThrowIfNull(rates);
        foreach (var (kind, rate) in rates)
        {
            if (rate is < 0 or > 1 || double.IsNaN(rate))
            {
                throw new ArgumentOutOfRangeException(nameof(rates), rate, $"the rate of {NameOf(kind)} is not between 0 and 1");
            }
        }

        return new FaultPlan(rates.Where(entry => entry.Rate > 0).ToDictionary(entry => entry.Kind, entry => entry.Rate));
    }

    public static string NameOf(FaultKind kind) => Catalog.First(entry => entry.Kind == kind).Name;

    /// <summary>Reads the <c>--faults</c> text; <paramref name="error"/> names the option, the part that is wrong and what would be valid.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out FaultPlan? plan, out string error)
    {
        plan = null;
        error = string.Empty;
        var rates = new Dictionary<FaultKind, double>();
        foreach (var part in (text ?? string.Empty).Split(',', StringSplitOptions.TrimEntries))
        {
            var colon = part.IndexOf(':', StringComparison.Ordinal);
            var name = colon < 0 ? part : part[..colon];
            var matches = name == "all" ? Catalog : Catalog.Where(entry => entry.Name == name).ToArray();
            if (matches.Length == 0)
            {
                error = $"--faults: '{name}' is not a fault; expected {Syntax}.";
                return false;
            }

            foreach (var (kind, _, defaultRate) in matches)
            {
                if (!TryRate(colon < 0 ? null : part[(colon + 1)..], defaultRate, out var rate))
                {
                    error = $"--faults: '{part[(colon + 1)..]}' is not a rate for {name}; use a fraction from 0 to 1 or a percentage, e.g. {name}:0.05 or {name}:5%.";
                    return false;
                }

                rates[kind] = rate;
            }
        }

        plan = new FaultPlan(rates.Where(entry => entry.Value > 0).ToDictionary());
        return true;
    }

    public override string ToString() =>
        IsEmpty ? "none" : string.Join(",", Catalog.Where(entry => _rates.ContainsKey(entry.Kind)).Select(entry => string.Create(CultureInfo.InvariantCulture, $"{entry.Name}:{_rates[entry.Kind]}")));

    private static bool TryRate(string? text, double defaultRate, out double rate)
    {
        rate = defaultRate;
        if (text is null)
        {
            return true;
        }

        var percent = text.EndsWith('%');
        var number = percent ? text[..^1] : text;
        if (!double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out rate))
        {
            return false;
        }

        rate = percent ? rate / 100 : rate;
        return rate is >= 0 and <= 1;
    }
}
