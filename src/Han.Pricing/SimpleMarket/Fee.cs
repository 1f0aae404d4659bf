namespace Han.Pricing;

/// <summary>A named fee excluding VAT, owed to a party: per kWh imported, or per month.</summary>
public sealed record Fee(Party Party, string Name, decimal Amount);
