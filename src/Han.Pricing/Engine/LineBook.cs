namespace Han.Pricing;

/// <summary>
/// Collects amounts into invoice lines: one line per party, kind, item, unit price and VAT rate, in the
/// order first seen. Amounts stay exact until <see cref="ToLines"/> rounds each line to the øre.
/// </summary>
internal sealed class LineBook
{
    private readonly Dictionary<LineKey, Accumulator> _lines = [];
    private readonly List<LineKey> _order = [];

    /// <summary>Adds quantity × a fixed unit price (ex VAT), e.g. kWh at an energiledd.</summary>
    public void AddAtPrice(Party party, LineKind kind, string item, string unit, decimal quantity, decimal unitPriceExVat, decimal vatRate, decimal estimatedQuantity = 0m) =>
        Add(new LineKey(party, kind, item, unit, unitPriceExVat, vatRate), quantity, quantity * unitPriceExVat, estimatedQuantity);

    /// <summary>Adds an amount whose unit price varies (spot, support); the line shows the mean.</summary>
    public void AddAmount(Party party, LineKind kind, string item, string unit, decimal quantity, decimal amountExVat, decimal vatRate, decimal estimatedQuantity = 0m) =>
        Add(new LineKey(party, kind, item, unit, null, vatRate), quantity, amountExVat, estimatedQuantity);

    public List<InvoiceLine> ToLines() => [.. _order.Select(key => ToLine(key, _lines[key]))];

    /// <summary>One line from one amount (a monthly fee's share).</summary>
    public static InvoiceLine Single(Party party, LineKind kind, string item, string unit, decimal quantity, decimal unitPriceExVat, decimal amountExVat, decimal vatRate) =>
        ToLine(new LineKey(party, kind, item, unit, unitPriceExVat, vatRate), new Accumulator { Quantity = quantity, AmountExVat = amountExVat });

    private void Add(LineKey key, decimal quantity, decimal amountExVat, decimal estimatedQuantity)
    {
        if (!_lines.TryGetValue(key, out var line))
        {
            line = new Accumulator();
            _lines.Add(key, line);
            _order.Add(key);
        }

        line.Quantity += quantity;
        line.AmountExVat += amountExVat;
        line.EstimatedQuantity += estimatedQuantity;
    }

    private static InvoiceLine ToLine(LineKey key, Accumulator line)
    {
        var exact = line.AmountExVat * (1m + key.VatRate);
        var amount = Money.ToOre(exact);
        var exVat = Money.ToOre(line.AmountExVat);
        var unitPrice = key.UnitPriceExVat is { } price
            ? price * (1m + key.VatRate)
            : line.Quantity == 0m ? 0m : Money.UnitPrice(exact / line.Quantity);
        return new InvoiceLine(key.Party, key.Kind, key.Item, line.Quantity, key.Unit, unitPrice, key.VatRate, exVat, amount - exVat, amount, exact, line.EstimatedQuantity);
    }

    private readonly record struct LineKey(Party Party, LineKind Kind, string Item, string Unit, decimal? UnitPriceExVat, decimal VatRate);

    private sealed class Accumulator
    {
        public decimal Quantity { get; set; }

        public decimal AmountExVat { get; set; }

        public decimal EstimatedQuantity { get; set; }
    }
}
