namespace Han.Pricing;

/// <summary>
/// One line of an invoice. <see cref="Amount"/> is in NOK including VAT where VAT applies, rounded to
/// the øre (DESIGN.md §2.3); <see cref="ExactAmount"/> is the same before rounding, so sums and checks
/// can see what rounding did. A credit is negative.
/// </summary>
/// <param name="Party">Supplier, grid or support.</param>
/// <param name="Kind">What the line is.</param>
/// <param name="Item">The text an invoice would show (Norwegian terms, e.g. "Energiledd Virkedag").</param>
/// <param name="Quantity">kWh, or months for monthly fees (a fraction when shared by days).</param>
/// <param name="Unit">"kWh" or "month".</param>
/// <param name="UnitPrice">NOK per unit including VAT; the mean when the price varied (spot, support).</param>
/// <param name="VatRate">The VAT rate applied (0 where the region is exempt or the line bears none).</param>
/// <param name="AmountExVat">The amount before VAT, rounded to the øre.</param>
/// <param name="Vat">The VAT in <see cref="Amount"/>: Amount − AmountExVat.</param>
/// <param name="Amount">The amount including VAT, rounded to the øre.</param>
/// <param name="ExactAmount">The amount including VAT before rounding.</param>
/// <param name="EstimatedQuantity">How much of the quantity the store estimated (kWh); 0 when all came from the meter's registers.</param>
public sealed record InvoiceLine(
    Party Party,
    LineKind Kind,
    string Item,
    decimal Quantity,
    string Unit,
    decimal UnitPrice,
    decimal VatRate,
    decimal AmountExVat,
    decimal Vat,
    decimal Amount,
    decimal ExactAmount,
    decimal EstimatedQuantity);
