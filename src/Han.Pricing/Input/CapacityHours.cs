namespace Han.Pricing;

/// <summary>Which hours may set the month's capacity step.</summary>
public enum CapacityHours
{
    /// <summary>The default: only hours the store took from the meter's registers; estimated hours are listed as left out.</summary>
    TrustedOnly,

    /// <summary>Estimated hours count too (a real heavy hour with a bad register is not dropped).</summary>
    IncludeEstimated,
}
