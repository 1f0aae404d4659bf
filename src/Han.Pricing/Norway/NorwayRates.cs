using System.Reflection;

namespace Han.Pricing;

/// <summary>Norway's rates as shipped (norway-rates.json, embedded) and the names its rows use.</summary>
public static class NorwayRates
{
    public const string Elavgift = "elavgift";
    public const string Enova = "enova";
    public const string Vat = "vat";
    public const string StromstotteThreshold = "stromstotte_threshold";
    public const string StromstotteShare = "stromstotte_share";
    public const string StromstotteCap = "stromstotte_cap";
    public const string Norgespris = "norgespris";
    public const string NorgesprisCapHome = "norgespris_cap_home";
    public const string NorgesprisCapHolidayHome = "norgespris_cap_holiday_home";

    private static readonly Lazy<RateBook> Shipped = new(Load);

    /// <summary>The rates shipped with han.</summary>
    public static RateBook Default => Shipped.Value;

    private static RateBook Load()
    {
        const string resource = "Han.Pricing.Norway.norway-rates.json";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The embedded resource {resource} is missing from Han.Pricing; the build should embed it.");
        return RateBookReader.Read(stream);
    }
}
