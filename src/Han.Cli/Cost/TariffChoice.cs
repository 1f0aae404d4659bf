using Han.Pricing;
using Han.Tariffs;

namespace Han.Cli.Cost;

/// <summary>The grid company's tariff a name or file stands for (a shipped fri-nettleie file, or the user's own).</summary>
internal static class TariffChoice
{
    /// <summary>The names han ships, for help texts.</summary>
    public static string Shipped => string.Join(", ", GridTariffs.Shipped);

    /// <summary>The tariff, or null and why (the option or setting named first).</summary>
    public static (GridTariff? Tariff, string? Problem) Resolve(string companyOrFile, string namedBy)
    {
        try
        {
            return (GridTariffs.Resolve(companyOrFile), null);
        }
        catch (TariffFormatException problem)
        {
            return (null, $"{namedBy} '{companyOrFile}': {problem.Message}");
        }
        catch (Exception problem) when (problem is IOException or UnauthorizedAccessException)
        {
            return (null, $"{namedBy} '{companyOrFile}': the tariff file cannot be read ({problem.Message})");
        }
    }
}
