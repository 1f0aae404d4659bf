namespace Han.Readings.Lists;

/// <summary>How a meter laid out its push list (norway-lists.md §3-§5, protocol.md §6).</summary>
public enum ListShape
{
    /// <summary>
    /// Values named by OBIS codes, in any mix of <c>{OBIS, value[, scaler_unit]}</c> structures (Aidon,
    /// L&amp;G E350, TINETZ) and flat <c>OBIS, value[, scaler_unit]</c> runs (Kamstrup, Swedish Kaifa,
    /// Netz NÖ, Sagemcom), possibly with unnamed values among them (a list id, a clock, a meter number).
    /// </summary>
    Named,

    /// <summary>Bare values whose meaning is their position (Norwegian Kaifa, Iskraemeco, L&amp;G E450 in Austria).</summary>
    Positional,

    /// <summary>
    /// The push object list itself comes first (an array of <c>{class, OBIS, attribute, index}</c>), then
    /// one value per entry in the same order (L&amp;G E450 in Switzerland).
    /// </summary>
    SelfDescribed,

    /// <summary>
    /// Each value preceded by an untagged class id, OBIS code and attribute, in an array after a leading
    /// enum (ČEZ and EG.D in Czechia; <see cref="Han.Protocol.Axdr.CompactDescriptorList"/>).
    /// </summary>
    CompactDescribed,
}
