namespace Han.Readings.Lists;

/// <summary>How a meter laid out its push list (norway-lists.md §3-§5).</summary>
public enum ListShape
{
    /// <summary>An array or structure of <c>{OBIS, value[, scaler_unit]}</c> structures (Aidon, L&amp;G, most of Europe).</summary>
    ObjectStructures,

    /// <summary>A structure of OBIS, value, OBIS, value, ... after up to two header elements (Kamstrup, Swedish Kaifa).</summary>
    ObisValuePairs,

    /// <summary>A structure of bare values whose meaning is their position (Norwegian Kaifa).</summary>
    BareValues,
}
