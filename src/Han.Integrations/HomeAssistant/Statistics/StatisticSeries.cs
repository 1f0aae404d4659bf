using System.Text;
using Han.Readings;

namespace Han.Integrations.HomeAssistant.Statistics;

/// <summary>
/// One long-term statistic han imports into Home Assistant and its metadata (integrations.md §1.9): an
/// external statistic <c>han:&lt;meter id&gt;_energy_import</c> with source <c>han</c>, a sum and no mean,
/// in kWh of the unit class <c>energy</c>, so the Energy dashboard accepts it as grid consumption or return.
/// </summary>
/// <param name="StatisticId">The id: lowercase letters, digits and single underscores around one colon (the pattern of HA's <c>VALID_STATISTIC_ID</c>).</param>
/// <param name="Name">The name Home Assistant shows.</param>
/// <param name="Register">The register it counts.</param>
public sealed record StatisticSeries(string StatisticId, string Name, ReadingField Register)
{
    /// <summary>The source of an external statistic must be the part of its id before the colon.</summary>
    public const string Source = "han";

    public const string Unit = "kWh";

    /// <summary>The unit converter class of kWh in Home Assistant (<c>EnergyConverter.UNIT_CLASS</c>).</summary>
    public const string UnitClass = "energy";

    /// <summary>The registers han makes hourly statistics of, with the end of their ids and names.</summary>
    public static IReadOnlyList<(ReadingField Register, string Suffix, string Title)> Registers { get; } =
    [
        (ReadingField.ActiveEnergyImport, "energy_import", "energy import"),
        (ReadingField.ActiveEnergyExport, "energy_export", "energy export"),
    ];

    /// <summary>The series of <paramref name="register"/> of the meter with <paramref name="meterId"/> (or, before it is known, its configured name).</summary>
    public static StatisticSeries For(ReadingField register, string? meterId, string meterName)
    {
        var (_, suffix, title) = Registers.First(r => r.Register == register);
        var slug = Slug(meterId);
        if (slug.Length == 0)
        {
            slug = Slug(meterName);
        }

        if (slug.Length == 0)
        {
            slug = "meter";
        }

        return new StatisticSeries($"{Source}:{slug}_{suffix}", $"{meterName} {title}", register);
    }

    /// <summary>Lowercase letters and digits, runs of anything else as one underscore, none at the ends.</summary>
    private static string Slug(string? text)
    {
        var slug = new StringBuilder();
        foreach (var c in text ?? string.Empty)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(char.ToLowerInvariant(c));
            }
            else if (slug.Length > 0 && slug[^1] != '_')
            {
                slug.Append('_');
            }
        }

        return slug.ToString().TrimEnd('_');
    }
}
