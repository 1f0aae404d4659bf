namespace Han.Readings.Profiles;

/// <summary>The kind of value a position of a positional list holds, to tell one vendor's layout from another's.</summary>
public enum ValueKind
{
    /// <summary>Any integer or floating-point value.</summary>
    Number,

    /// <summary>A string (octet, visible or UTF-8) that is not a date-time.</summary>
    Text,

    /// <summary>A date-time (12-byte octet-string or the date-time type) whose fields are in range.</summary>
    Time,

    /// <summary>A switch's state: a boolean (a disconnector's output state) or an enum (its control state).</summary>
    Flag,

    /// <summary>An array or structure, kept whole by position (the trailing arrays of the Croatian IE.5 list).</summary>
    Container,
}
