using System.Collections.Frozen;

namespace Han.Readings;

/// <summary>
/// The market a meter was configured for: any ISO 3166-1 alpha-2 code. Selects vendor scaling where the
/// wire carries no scaler (Kamstrup energy is 10 Wh in Norway and 1 Wh in Sweden; norway-lists.md §5);
/// a market no profile has rules for reads each vendor's defaults, so a user in Hungary or Czechia can
/// decode without pretending to be elsewhere.
/// </summary>
public readonly record struct Country
{
    /// <summary>
    /// The 249 officially assigned ISO 3166-1 alpha-2 codes (as listed by the public-domain tz database's
    /// iso3166.tab), and XK, the user-assigned code the European Commission and CLDR use for Kosovo.
    /// </summary>
    private static readonly FrozenSet<string> Assigned = string.Join(' ', [
        "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT",
        "BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH",
        "ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT",
        "HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS",
        "LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI",
        "NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG",
        "SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG",
        "UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW XK",
    ]).Split(' ').ToFrozenSet(StringComparer.Ordinal);

    private readonly string? _code;

    private Country(string code) => _code = code;

    public static Country Norway { get; } = new("NO");

    /// <summary>ISO 3166-1 alpha-2 code, upper case; Norway for a default value.</summary>
    public string Code => _code ?? "NO";

    /// <summary>True for an ISO 3166-1 alpha-2 code in any letter case, with surrounding spaces ignored.</summary>
    public static bool TryParse(string? text, out Country country)
    {
        var code = text?.Trim().ToUpperInvariant();
        country = default;
        if (code is null || !Assigned.Contains(code))
        {
            return false;
        }

        country = new Country(code);
        return true;
    }

    public static Country Parse(string? text) => TryParse(text, out var country)
        ? country
        : throw new ArgumentException($"'{text}' is not an ISO 3166-1 alpha-2 country code; use two letters such as NO, SE, DK, CZ or HU.", nameof(text));

    public override string ToString() => Code;
}
