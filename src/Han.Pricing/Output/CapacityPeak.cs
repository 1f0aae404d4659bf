namespace Han.Pricing;

/// <summary>One day's highest hour as used for the capacity step.</summary>
public sealed record CapacityPeak(DateOnly Day, DateTimeOffset Start, DateTime LocalStart, decimal Kwh);
