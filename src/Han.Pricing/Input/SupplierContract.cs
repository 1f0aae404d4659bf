namespace Han.Pricing;

/// <summary>
/// A spot contract with the electricity supplier: the zone's spot price plus a markup per kWh and a
/// fixed fee per month. Both are entered EXCLUDING VAT (consumer offers are quoted with VAT; divide by
/// 1.25 where VAT applies). No public source lists them (specs/pricing.md §3), so the user gives them.
/// </summary>
public sealed record SupplierContract(decimal MarkupOrePerKwh, decimal FixedNokPerMonth)
{
    public static SupplierContract None { get; } = new(0m, 0m);
}
