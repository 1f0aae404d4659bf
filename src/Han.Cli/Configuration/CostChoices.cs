using Han.Pricing;

namespace Han.Cli.Configuration;

/// <summary>
/// The words the <c>grid:</c> settings and <c>han cost</c>'s options take for the support scheme, the tax
/// region and the residence, both ways, so the configuration and the command line say the same things.
/// </summary>
internal static class CostChoices
{
    public static readonly IReadOnlyList<(string Word, SupportScheme Value)> Supports =
        [("stromstotte", SupportScheme.Stromstotte), ("norgespris", SupportScheme.Norgespris), ("none", SupportScheme.None)];

    public static readonly IReadOnlyList<(string Word, TaxRegion Value)> Regions =
        [("standard", TaxRegion.Standard), ("vat-exempt", TaxRegion.VatExempt), ("tiltakssone", TaxRegion.Tiltakssone)];

    public static readonly IReadOnlyList<(string Word, Residence Value)> Residences =
        [("home", Residence.Home), ("holiday-home", Residence.HolidayHome)];

    /// <summary>The value a word names (case-insensitive, ø accepted for o), or null.</summary>
    public static T? Find<T>(IReadOnlyList<(string Word, T Value)> choices, string? text)
        where T : struct
    {
        var word = text?.Trim().ToLowerInvariant().Replace('ø', 'o');
        foreach (var (name, value) in choices)
        {
            if (name == word)
            {
                return value;
            }
        }

        return null;
    }

    public static string Word<T>(IReadOnlyList<(string Word, T Value)> choices, T value)
        where T : struct =>
        choices.First(c => EqualityComparer<T>.Default.Equals(c.Value, value)).Word;

    public static string Valid<T>(IReadOnlyList<(string Word, T Value)> choices) => string.Join(", ", choices.Select(c => c.Word));
}
