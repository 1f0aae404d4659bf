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

    /// <summary>A boolean (a disconnector's state).</summary>
    Flag,
}
