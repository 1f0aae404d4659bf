namespace Han.Pricing;

/// <summary>
/// Everything the engine found for a period: the invoice lines of the supplier, the grid company and the
/// support scheme, the capacity step of each month, the totals (NOK incl VAT where it applies, each the
/// sum of its lines' rounded amounts), the cost of each hour, and what it could not cost.
/// </summary>
public sealed record CostReport(
    CostPeriod Period,
    IReadOnlyList<InvoiceLine> Lines,
    IReadOnlyList<CapacityMonth> Capacity,
    IReadOnlyList<HourCost> Hours,
    IReadOnlyList<DateTimeOffset> MissingHours,
    IReadOnlyList<DateTimeOffset> UnpricedIntervals,
    IReadOnlyList<UsedValue> Used,
    IReadOnlyList<string> Notes)
{
    public decimal SupplierTotal => Sum(Party.Supplier);

    public decimal GridTotal => Sum(Party.Grid);

    public decimal SupportTotal => Sum(Party.Support);

    public decimal Total => SupplierTotal + GridTotal + SupportTotal;

    /// <summary>The VAT contained in <see cref="Total"/>.</summary>
    public decimal VatTotal => Lines.Sum(l => l.Vat);

    public IEnumerable<InvoiceLine> LinesOf(Party party) => Lines.Where(l => l.Party == party);

    private decimal Sum(Party party) => Lines.Where(l => l.Party == party).Sum(l => l.Amount);
}
