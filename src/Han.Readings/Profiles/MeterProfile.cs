using Han.Protocol.Cosem;
using Han.Readings.Lists;

namespace Han.Readings.Profiles;

/// <summary>
/// What is particular to one meter family, as data (DESIGN.md §4, after amshan's per-vendor tables):
/// the list identifiers it sends, the scaling of values it sends without scaler_unit (per market),
/// the meaning of each position in its value-only lists, and whether its clock deviation is reliable.
/// </summary>
public sealed class MeterProfile
{
    private readonly IReadOnlyList<PositionalLayout> _layouts = [];
    private readonly Dictionary<int, PositionalLayout[]> _layoutsByLength = [];

    public required string Name { get; init; }

    /// <summary>The meter_manufacturer this profile reports.</summary>
    public string? Manufacturer { get; init; }

    /// <summary>List identifiers (by prefix, case-sensitive as sent) that name this family.</summary>
    public IReadOnlyList<string> ListIdPrefixes { get; init; } = [];

    /// <summary>Scaling of values sent without scaler_unit, for any market not in <see cref="ScalingByCountry"/>.</summary>
    public IReadOnlyDictionary<Quantity, ScalerUnit> Scaling { get; init; } = new Dictionary<Quantity, ScalerUnit>();

    /// <summary>Market-specific overrides of <see cref="Scaling"/>, by country code.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<Quantity, ScalerUnit>> ScalingByCountry { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<Quantity, ScalerUnit>>();

    /// <summary>
    /// Other resolutions (scalers) a value sent without scaler_unit is documented to have, in order of
    /// preference, tried by <see cref="ResolutionChooser"/> when the reading at the usual scaling is not
    /// <see cref="PhysicalConsistency">physically consistent</see>: Danish Kamstrup firmware of 2025 sends
    /// volts in 0.01 V where older firmware sends whole volts. Every profile has at least
    /// <see cref="Scalings.RatioResolutions"/> (a power factor in 0.01 or 0.001).
    /// </summary>
    public IReadOnlyDictionary<Quantity, sbyte[]> AlternativeScalers { get; init; } = Scalings.Alternatives();

    /// <summary>
    /// The meaning of each position of the family's value-only lists. Several may have the same length
    /// (Iskraemeco's ECE list 2 and the Elektro Celje list both have 12 values); they are told apart by
    /// the kinds of their values.
    /// </summary>
    public IReadOnlyList<PositionalLayout> Layouts
    {
        get => _layouts;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            _layouts = value;
            _layoutsByLength = value.GroupBy(layout => layout.Count).ToDictionary(group => group.Key, group => group.ToArray());
        }
    }

    /// <summary>
    /// System-title manufacturer ids (the first three letters, e.g. KFM, LGZ) that name this family when
    /// a ciphered list carries no list identifier (protocol.md §8.6).
    /// </summary>
    public IReadOnlyList<string> SystemTitlePrefixes { get; init; } = [];

    /// <summary>True when this family sends lists that begin with their own push object list (L&amp;G E450 in Switzerland).</summary>
    public bool SendsSelfDescribedLists { get; init; }

    /// <summary>False when the meter's clock deviation field is known to be wrong (Aidon NO sends 0 in local time).</summary>
    public bool ClockDeviationIsReliable { get; init; } = true;

    /// <summary>
    /// True when the meter sends the clock deviation with the sign reversed, as the offset from UTC
    /// (ZPA AM375: +120 for Prague summer time, where the Blue Book has UTC = local + deviation, −120).
    /// </summary>
    public bool ClockDeviationIsReversed { get; init; }

    /// <summary>
    /// The layout to read a positional list of this (already recognised) family with: the only one of
    /// its length, taken as it is, so the lists of a family with one layout per length (Norwegian Kaifa,
    /// every 2 s) are not walked once more; among several of its length, the first whose kinds the
    /// list's values match. Null when there is none.
    /// </summary>
    public PositionalLayout? LayoutFor(PushListReader list)
    {
        if (!_layoutsByLength.TryGetValue(list.Count, out var candidates))
        {
            return null;
        }

        return candidates.Length == 1 ? candidates[0] : FirstMatching(candidates, list);
    }

    /// <summary>The first layout whose length and kinds the list matches value by value, or null: whether this family could have sent it.</summary>
    public PositionalLayout? MatchingLayout(PushListReader list) =>
        _layoutsByLength.TryGetValue(list.Count, out var candidates) ? FirstMatching(candidates, list) : null;

    public bool ClaimsListId(string listId) => ListIdPrefixes.Any(prefix => listId.StartsWith(prefix, StringComparison.Ordinal));

    public bool ClaimsSystemTitle(string manufacturerId) => SystemTitlePrefixes.Contains(manufacturerId, StringComparer.OrdinalIgnoreCase);

    /// <summary>How a value of <paramref name="quantity"/> sent without scaler_unit is to be read in <paramref name="country"/>.</summary>
    public ScalerUnit? ImplicitScaling(Quantity quantity, Country country)
    {
        if (ScalingByCountry.TryGetValue(country.Code, out var local) && local.TryGetValue(quantity, out var scaling))
        {
            return scaling;
        }

        return Scaling.TryGetValue(quantity, out scaling) ? scaling : null;
    }

    public override string ToString() => Name;

    private static PositionalLayout? FirstMatching(PositionalLayout[] candidates, PushListReader list)
    {
        foreach (var candidate in candidates)
        {
            if (candidate.Matches(list))
            {
                return candidate;
            }
        }

        return null;
    }
}
