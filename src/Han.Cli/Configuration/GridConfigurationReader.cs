using Han.Pricing;
using Han.Tariffs;

namespace Han.Cli.Configuration;

/// <summary>
/// Reads the <c>grid:</c> section of han's configuration (docs/cost.md):
/// <code>
/// grid:
///   company: elvia            # a shipped tariff (han cost --help lists them), or the path of a fri-nettleie tariff file
///   support: stromstotte      # or norgespris, or none
///   region: standard          # or vat-exempt (Nord-Norge), tiltakssone (Finnmark, Nord-Troms)
///   residence: home           # or holiday-home
///   stromstotte_threshold: 77 # øre/kWh ex VAT; overrides the rates' (2026's and 2027's are assumed, docs/pricing.md)
///   norgespris_price: 40      # øre/kWh ex VAT; overrides the rates' (2027's is assumed)
///   step_alert: true          # han run: say when this hour is projected to raise the capacity step (MQTT, Home Assistant)
/// </code>
/// The company's tariff is read here, so that <c>han run --check</c> says what is wrong with a tariff file.
/// </summary>
internal static class GridConfigurationReader
{
    public const string Section = "grid";

    public static readonly string[] Keys = ["company", "support", "region", "residence", "stromstotte_threshold", "norgespris_price", "step_alert"];

    /// <summary>The section, or null when it is not there.</summary>
    public static GridConfiguration? Read(ConfigurationChecker check)
    {
        ArgumentNullException.ThrowIfNull(check);
        if (!check.HasSection(Section))
        {
            return null;
        }

        var company = check.Get($"{Section}:company");
        return new GridConfiguration(
            company?.Value.Trim(),
            company is null ? null : ReadTariff(check, company),
            ReadChoice(check, "support", CostChoices.Supports),
            ReadChoice(check, "region", CostChoices.Regions),
            ReadChoice(check, "residence", CostChoices.Residences),
            check.Get($"{Section}:stromstotte_threshold") is null ? null : check.ReadDecimal($"{Section}:stromstotte_threshold", 0m, 0m, 1000m, "the strømstøtte threshold in øre/kWh excluding VAT"),
            check.ReadBool($"{Section}:step_alert", false))
        {
            NorgesprisOre = check.Get($"{Section}:norgespris_price") is null ? null : check.ReadDecimal($"{Section}:norgespris_price", 0m, 0m, 1000m, "the Norgespris level in øre/kWh excluding VAT"),
        };
    }

    private static GridTariff? ReadTariff(ConfigurationChecker check, Setting company)
    {
        try
        {
            return GridTariffs.Resolve(company.Value);
        }
        catch (TariffFormatException problem)
        {
            check.Error($"{company.Name} ({company.Origin}): {problem.Message}");
        }
        catch (Exception problem) when (problem is IOException or UnauthorizedAccessException)
        {
            check.Error($"{company.Name} ({company.Origin}): the tariff file '{company.Value}' cannot be read ({problem.Message})");
        }

        return null;
    }

    private static T? ReadChoice<T>(ConfigurationChecker check, string key, IReadOnlyList<(string Word, T Value)> choices)
        where T : struct
    {
        if (check.Get($"{Section}:{key}") is not { } setting)
        {
            return null;
        }

        var value = CostChoices.Find(choices, setting.Value);
        if (value is null)
        {
            check.Fail(setting, $"is not valid; use one of {CostChoices.Valid(choices)}");
        }

        return value;
    }
}
