using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Han.Integrations.Prices;

/// <summary>
/// Reads ENTSO-E's answer to a day-ahead price query (documentType A44), an IEC 62325 XML document
/// (pricing.md §2.3):
/// <list type="bullet">
/// <item><c>Publication_MarketDocument</c>: <c>TimeSeries</c> (EUR, MWH) with <c>Period</c>s of a
/// <c>timeInterval</c>, a <c>resolution</c> (PT15M, PT60M) and <c>Point</c>s (1-based <c>position</c>,
/// <c>price.amount</c>). With curveType A03 a point is left out when its price equals the one before:
/// it is filled forward, up to the end of the period (trailing ones too).</item>
/// <item>A document may hold several TimeSeries for the same time: duplicates, or PT15M and PT60M
/// together. Each instant is counted once: the finest resolution is taken first, and a coarser (or
/// duplicate) interval only where nothing taken yet overlaps it.</item>
/// <item><c>Acknowledgement_MarketDocument</c> with "No matching data": not published yet.</item>
/// </list>
/// Elements are matched by local name, so the document's schema version (7:0, 7:3) does not matter.
/// </summary>
public static class EntsoeDocument
{
    public const string ServiceName = "ENTSO-E Transparency Platform";

    /// <summary>The prices of the document, in time order; null for the "no matching data" acknowledgement.</summary>
    public static IReadOnlyList<EuroPrice>? Parse(string xml)
    {
        XElement root;
        try
        {
            root = XDocument.Parse(xml).Root ?? throw Malformed("the answer is an empty XML document");
        }
        catch (XmlException problem)
        {
            throw Malformed($"the answer is not XML ({problem.Message})");
        }

        return root.Name.LocalName switch
        {
            "Publication_MarketDocument" => Prices(root),
            "Acknowledgement_MarketDocument" => Acknowledged(root),
            var other => throw Malformed($"the answer is a {other}, not a Publication_MarketDocument"),
        };
    }

    /// <summary>Whether an acknowledgement says there is no data (yet) for the query.</summary>
    public static bool IsNoMatchingData(XElement acknowledgement) =>
        ReasonText(acknowledgement).Contains("No matching data", StringComparison.OrdinalIgnoreCase);

    internal static string ReasonText(XElement acknowledgement) =>
        string.Join("; ", acknowledgement.Elements().Where(e => e.Name.LocalName == "Reason").Select(r => $"{Child(r, "code")?.Value} {Child(r, "text")?.Value}".Trim()));

    private static IReadOnlyList<EuroPrice>? Acknowledged(XElement root) =>
        IsNoMatchingData(root) ? null : throw new PriceSourceException($"{ServiceName} refused the query: {ReasonText(root)}");

    private static List<EuroPrice> Prices(XElement root)
    {
        var periods = new List<(TimeSpan Resolution, List<EuroPrice> Prices)>();
        foreach (var series in root.Elements().Where(e => e.Name.LocalName == "TimeSeries"))
        {
            CheckUnits(series);
            foreach (var period in series.Elements().Where(e => e.Name.LocalName == "Period"))
            {
                periods.Add(ReadPeriod(period));
            }
        }

        // Finest first (OrderBy is stable, so duplicates keep the document's order): a coarser or repeated
        // interval is taken only where no finer one already covers the time.
        var taken = new List<EuroPrice>();
        foreach (var price in periods.OrderBy(p => p.Resolution).SelectMany(p => p.Prices))
        {
            if (!taken.Any(t => t.Start < price.End && price.Start < t.End))
            {
                taken.Add(price);
            }
        }

        taken.Sort((a, b) => a.Start.CompareTo(b.Start));
        return taken;
    }

    private static void CheckUnits(XElement series)
    {
        var currency = Child(series, "currency_Unit.name")?.Value;
        var unit = Child(series, "price_Measure_Unit.name")?.Value;
        if (currency is not null and not "EUR" || unit is not null and not "MWH")
        {
            throw Malformed($"a TimeSeries is in {currency}/{unit}, where han expects EUR/MWH");
        }
    }

    private static (TimeSpan Resolution, List<EuroPrice> Prices) ReadPeriod(XElement period)
    {
        var interval = Child(period, "timeInterval") ?? throw Malformed("a Period has no timeInterval");
        var start = Time(Child(interval, "start"), "start");
        var end = Time(Child(interval, "end"), "end");
        var resolution = Resolution(Child(period, "resolution")?.Value);
        var slots = (end - start).Ticks / resolution.Ticks;
        if (slots <= 0 || (end - start).Ticks % resolution.Ticks != 0)
        {
            throw Malformed($"the Period {start:O} to {end:O} is not a whole number of {resolution.TotalMinutes:0}-minute steps");
        }

        var amounts = new Dictionary<long, decimal>();
        foreach (var point in period.Elements().Where(e => e.Name.LocalName == "Point"))
        {
            var position = long.TryParse(Child(point, "position")?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p >= 1 && p <= slots
                ? p
                : throw Malformed($"a Point of the Period from {start:O} has position '{Child(point, "position")?.Value}', not 1 to {slots}");
            amounts[position] = decimal.TryParse(Child(point, "price.amount")?.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var amount)
                ? amount
                : throw Malformed($"the Point at position {position} of the Period from {start:O} has no price.amount number");
        }

        if (!amounts.TryGetValue(1, out var current))
        {
            throw Malformed($"the Period from {start:O} has no Point at position 1, so the prices left out after it cannot be filled");
        }

        var prices = new List<EuroPrice>((int)slots);
        for (var position = 1L; position <= slots; position++)
        {
            // curveType A03: a position left out has the price of the one before it.
            current = amounts.GetValueOrDefault(position, current);
            var from = start + (resolution * (position - 1));
            prices.Add(new EuroPrice(from, from + resolution, current));
        }

        return (resolution, prices);
    }

    private static TimeSpan Resolution(string? text)
    {
        try
        {
            var resolution = text is null ? TimeSpan.Zero : XmlConvert.ToTimeSpan(text);
            return resolution > TimeSpan.Zero ? resolution : throw Malformed($"a Period has resolution '{text}', not an ISO 8601 duration such as PT15M or PT60M");
        }
        catch (FormatException)
        {
            throw Malformed($"a Period has resolution '{text}', not an ISO 8601 duration such as PT15M or PT60M");
        }
    }

    private static DateTimeOffset Time(XElement? element, string name) =>
        element is not null && DateTimeOffset.TryParse(element.Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : throw Malformed($"a timeInterval has no {name} time ('{element?.Value}')");

    private static XElement? Child(XElement parent, string localName) => parent.Elements().FirstOrDefault(e => e.Name.LocalName == localName);

    private static PriceSourceException Malformed(string what) => new($"{ServiceName} answered something han cannot read: {what}; han tries again later");
}
