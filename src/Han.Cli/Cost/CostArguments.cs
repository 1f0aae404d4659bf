using System.CommandLine;
using System.Globalization;
using Han.Cli.Arguments;
using Han.Cli.Configuration;
using Han.Integrations.Prices;
using Han.Pricing;

namespace Han.Cli.Cost;

/// <summary>
/// The options of <c>han cost</c> (DESIGN.md §2.3), read into a <see cref="CostJob"/>. Each setting comes
/// from its option when given, else from han run's configuration (<c>prices:</c>, <c>grid:</c>,
/// <c>storage:</c>) when there is one, else from its default; a bad value is said with the option, the
/// value and what is valid.
/// </summary>
internal sealed class CostArguments
{
    private readonly StoreOptions _store = new("its storage:, prices: and grid: (the other options override its settings)");
    private readonly Option<string?> _month = new("--month") { Description = "The month to cost, as 2026-03. Default: this month so far.", HelpName = "YYYY-MM" };
    private readonly Option<string?> _from = new("--from") { Description = "The first day to cost (2026-03-01), with --to instead of --month.", HelpName = "DATE" };
    private readonly Option<string?> _to = new("--to") { Description = "The day after the last day to cost (exclusive: --from 2026-03-01 --to 2026-04-01 is March).", HelpName = "DATE" };
    private readonly Option<string?> _consumption = new("--consumption") { Description = "A CSV of consumption instead of the store: start,import_kwh[,export_kwh], one row per hour or quarter hour, start ISO 8601 with offset (han export --resolution hour writes one).", HelpName = "CSV" };
    private readonly Option<string?> _prices = new("--prices") { Description = "Spot prices (NOK/kWh ex VAT): a CSV start,nok_per_kwh or JSON file, hvakosterstrommen or entsoe (token from the configuration). Default: the store's cached prices, with missing days fetched into it from the configured source.", HelpName = "CSV|hvakosterstrommen|entsoe" };
    private readonly Option<string?> _zone = new("--zone") { Description = "The bidding zone, as on your bill. Default: prices.zone.", HelpName = "NO1..NO5" };
    private readonly Option<string?> _grid = new("--grid") { Description = $"Your grid company's tariff: a shipped one ({TariffChoice.Shipped}) or a fri-nettleie tariff file (docs/tariffs.md). Default: grid.company.", HelpName = "COMPANY|TARIFF.yaml" };
    private readonly Option<string?> _support = new("--support") { Description = $"The support scheme: {CostChoices.Valid(CostChoices.Supports)}. Default: grid.support, else stromstotte.", HelpName = "none|stromstotte|norgespris" };
    private readonly Option<string?> _region = new("--region") { Description = $"The tax region: {CostChoices.Valid(CostChoices.Regions)} (Nord-Norge is VAT-exempt; Finnmark and Nord-Troms are the tiltakssone). Default: grid.region, else standard.", HelpName = "standard|vat-exempt|tiltakssone" };
    private readonly Option<string?> _residence = new("--residence") { Description = $"{CostChoices.Valid(CostChoices.Residences)}: a holiday home gets no strømstøtte and a lower Norgespris cap. Default: grid.residence, else home.", HelpName = "home|holiday-home" };
    private readonly Option<string?> _markup = new("--markup") { Description = "The supplier's markup in øre/kWh EXCLUDING VAT (offers quote it with VAT: divide by 1.25). Default: prices.markup, else 0.", HelpName = "ORE" };
    private readonly Option<string?> _fee = new("--supplier-fee") { Description = "The supplier's fixed fee in NOK/month EXCLUDING VAT. Default: prices.supplier_fee, else 0.", HelpName = "NOK" };
    private readonly Option<string?> _threshold = new("--stromstotte-threshold") { Description = "The strømstøtte threshold in øre/kWh excluding VAT, overriding the rates han ships (2026's and 2027's are assumed to be 2025's 75 øre until confirmed). Default: grid.stromstotte_threshold.", HelpName = "ORE" };
    private readonly Option<string?> _norgespris = new("--norgespris-price") { Description = "The Norgespris level in øre/kWh excluding VAT, overriding the rates han ships (40 øre through 2026; 2027's is assumed to be the same until confirmed). Default: grid.norgespris_price.", HelpName = "ORE" };
    private readonly Option<string?> _format = new("--format") { Description = "text (default: the lines of the supplier's and the grid company's invoices) or json (one object).", HelpName = "text|json" };

    public void AddTo(Command command)
    {
        Option[] options = [_month, _from, _to, _consumption, _prices, _zone, _grid, _support, _region, _residence, _markup, _fee, _threshold, _norgespris, _format, .. _store.All];
        foreach (var option in options)
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The job, or the problem and whether it lies in the configuration file (exit 78) rather than on the command line (64).</summary>
    public (CostJob? Job, string? Problem, bool InConfiguration) Read(ParseResult parse, DateOnly today)
    {
        var (configuration, configurationProblem) = ReadConfiguration(parse);
        if (configurationProblem is not null)
        {
            return (null, configurationProblem, true);
        }

        var (period, periodProblem) = ReadPeriod(parse, today);
        if (period is null)
        {
            return Refuse(periodProblem!);
        }

        var (settings, settingsProblem) = ReadSettings(parse, configuration);
        if (settings is null)
        {
            return Refuse(settingsProblem!);
        }

        var formatText = parse.GetValue(_format);
        if (formatText is not (null or "text" or "json"))
        {
            return Refuse($"--format '{formatText}' is not a format; give text or json");
        }

        var consumption = parse.GetValue(_consumption);
        var prices = ReadPriceChoice(parse.GetValue(_prices));
        var (store, storeProblem) = _store.ExplicitStore(parse);
        if (storeProblem is not null)
        {
            return Refuse(storeProblem);
        }

        if (store is null && configuration is not null)
        {
            (store, storeProblem) = StoreOptions.ConfiguredStore(configuration, _store.ConfigurationPath(parse));
            if (consumption is not null && (prices.Kind == PriceChoiceKind.File || store is { Location.SqlitePath: { } path } && !File.Exists(path)))
            {
                // The consumption is given: the store would only keep fetched prices, and there is none yet.
                store = null;
            }
        }

        if (store is null && consumption is null)
        {
            return Refuse(storeProblem ?? "there is no history to read: name the store with --sqlite PATH or --postgres CONNECTION (or --config with han run's configuration), or give --consumption CSV");
        }

        return (new CostJob(period, consumption, prices, settings, formatText == "json", store, _store.Meter(parse), configuration?.Prices), null, false);
    }

    /// <summary>The configuration at --config: required when --config is written, used when the default file is there.</summary>
    private (RunConfiguration? Configuration, string? Problem) ReadConfiguration(ParseResult parse)
    {
        var path = _store.ConfigurationPath(parse);
        if (!_store.ConfigurationGiven(parse) && !File.Exists(path))
        {
            return (null, null);
        }

        var (configuration, problem) = StoreOptions.ReadConfiguration(path);
        return (configuration, problem);
    }

    private (CostPeriod? Period, string? Problem) ReadPeriod(ParseResult parse, DateOnly today)
    {
        var (month, from, to) = (parse.GetValue(_month), parse.GetValue(_from), parse.GetValue(_to));
        if (month is not null && (from is not null || to is not null))
        {
            return (null, "give either --month or --from and --to, not both");
        }

        if (month is not null)
        {
            return DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first)
                ? (CostPeriod.Month(first.Year, first.Month), null)
                : (null, $"--month '{month}' is not a month; write it as 2026-03");
        }

        if (from is null && to is null)
        {
            // This month so far: up to and including today.
            return (new CostPeriod(new DateOnly(today.Year, today.Month, 1), today.AddDays(1)), null);
        }

        if (from is null || to is null)
        {
            return (null, "give both --from and --to (days as 2026-03-01; --to is the day after the last), or --month");
        }

        if (!TryDay(from, out var start))
        {
            return (null, $"--from '{from}' is not a day; write it as 2026-03-01");
        }

        if (!TryDay(to, out var end))
        {
            return (null, $"--to '{to}' is not a day; write it as 2026-04-01 (the day after the last day costed)");
        }

        return end > start
            ? (new CostPeriod(start, end), null)
            : (null, $"--to {to} is not after --from {from}; --to is the day after the last day costed");
    }

    private (CostSettings? Settings, string? Problem) ReadSettings(ParseResult parse, RunConfiguration? configuration)
    {
        var grid = configuration?.Grid;
        var configuredPrices = configuration?.Prices;
        var zoneText = parse.GetValue(_zone);
        BiddingZone? zone = configuredPrices?.Zone;
        if (zoneText is not null && !BiddingZone.TryParse(zoneText, out zone))
        {
            return (null, $"--zone '{zoneText}' is not a bidding zone; give one of {BiddingZone.ValidCodes}");
        }

        if (zone is null)
        {
            return (null, "give --zone (NO1 Øst, NO2 Sør, NO3 Midt, NO4 Nord, NO5 Vest, as on your bill), or prices.zone in the configuration");
        }

        var (support, supportProblem) = Choice(parse.GetValue(_support), "--support", CostChoices.Supports, grid?.Support ?? SupportScheme.Stromstotte);
        var (region, regionProblem) = Choice(parse.GetValue(_region), "--region", CostChoices.Regions, grid?.Region ?? TaxRegion.Standard);
        var (residence, residenceProblem) = Choice(parse.GetValue(_residence), "--residence", CostChoices.Residences, grid?.Residence ?? Residence.Home);
        var (markup, markupProblem) = Number(parse.GetValue(_markup), "--markup", "the supplier's markup in øre/kWh excluding VAT, as 4.9", configuredPrices?.MarkupOrePerKwh ?? 0m);
        var (fee, feeProblem) = Number(parse.GetValue(_fee), "--supplier-fee", "the supplier's fixed fee in NOK/month excluding VAT, as 39.20", configuredPrices?.SupplierFeeNokPerMonth ?? 0m);
        var (threshold, thresholdProblem) = Override(parse.GetValue(_threshold), "--stromstotte-threshold", "the threshold in øre/kWh excluding VAT, as 77", grid?.StromstotteThresholdOre);
        var (norgespris, norgesprisProblem) = Override(parse.GetValue(_norgespris), "--norgespris-price", "the Norgespris level in øre/kWh excluding VAT, as 40", grid?.NorgesprisOre);

        if ((supportProblem ?? regionProblem ?? residenceProblem ?? markupProblem ?? feeProblem ?? thresholdProblem ?? norgesprisProblem) is { } problem)
        {
            return (null, problem);
        }

        GridTariff? tariff = null;
        if (zone.IsNorwegian)
        {
            if (parse.GetValue(_grid) is { } company)
            {
                (tariff, problem) = TariffChoice.Resolve(company, "--grid");
                if (tariff is null)
                {
                    return (null, problem);
                }
            }
            else
            {
                tariff = grid?.Tariff;
                if (tariff is null)
                {
                    return (null, $"give --grid with your grid company ({TariffChoice.Shipped}) or its fri-nettleie tariff file, or grid.company in the configuration: the grid company bills about half of a Norwegian electricity bill");
                }
            }
        }

        return (new CostSettings(zone, tariff, support, region, residence, markup, fee) { StromstotteThresholdOre = threshold, NorgesprisOre = norgespris }, null);
    }

    private static PriceChoice ReadPriceChoice(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null => new PriceChoice(PriceChoiceKind.Store),
        "hvakosterstrommen" => new PriceChoice(PriceChoiceKind.HvaKosterStrommen),
        "entsoe" => new PriceChoice(PriceChoiceKind.Entsoe),
        _ => new PriceChoice(PriceChoiceKind.File, text),
    };

    private static (T Value, string? Problem) Choice<T>(string? text, string option, IReadOnlyList<(string Word, T Value)> choices, T fallback)
        where T : struct
    {
        if (text is null)
        {
            return (fallback, null);
        }

        return CostChoices.Find(choices, text) is { } value
            ? (value, null)
            : (fallback, $"{option} '{text}' is not valid; give one of {CostChoices.Valid(choices)}");
    }

    private static (decimal Value, string? Problem) Number(string? text, string option, string what, decimal fallback)
    {
        if (text is null)
        {
            return (fallback, null);
        }

        return decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? (value, null)
            : (fallback, $"{option} '{text}' is not a number; give {what} (a point, not a comma, before the decimals)");
    }

    /// <summary>A rate given on the command line, else the configuration's (null: the rates').</summary>
    private static (decimal? Value, string? Problem) Override(string? text, string option, string what, decimal? configured)
    {
        if (text is null)
        {
            return (configured, null);
        }

        var (value, problem) = Number(text, option, what, 0m);
        return (problem is null ? value : null, problem);
    }

    private static bool TryDay(string text, out DateOnly day) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);

    private static (CostJob?, string?, bool) Refuse(string problem) => (null, problem, false);
}
