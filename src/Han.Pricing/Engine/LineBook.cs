namespace Han.Pricing;

/// <summary>
/// Collects amounts into invoice lines: one line per party, kind, item, unit price and VAT rate, in the
/// order first seen. A fixed-price line adds up its quantity only and multiplies once at the end (the
/// same exact decimal as adding each product); amounts stay exact until <see cref="ToLines"/> rounds each
/// line to the øre.
/// </summary>
internal sealed class LineBook
{
    private readonly Dictionary<LineKey, LineTotal> _lines = [];
    private readonly List<LineTotal> _order = [];

    /// <summary>The line for these terms, to add to many times (a caller may keep it).</summary>
    public LineTotal Line(Party party, LineKind kind, string item, string unit, decimal? unitPriceExVat, decimal vatRate)
    {
        var key = new LineKey(party, kind, item, unit, unitPriceExVat, vatRate);
        if (!_lines.TryGetValue(key, out var line))
        {
            line = new LineTotal(key);
            _lines.Add(key, line);
            _order.Add(line);
        }

        return line;
    }

    /// <summary>Adds quantity at a fixed unit price (ex VAT), e.g. kWh at an energiledd.</summary>
    public void AddAtPrice(Party party, LineKind kind, string item, string unit, decimal quantity, decimal unitPriceExVat, decimal vatRate, decimal estimatedQuantity = 0m) =>
        Line(party, kind, item, unit, unitPriceExVat, vatRate).Add(quantity, estimatedQuantity);

    /// <summary>Adds an amount whose unit price varies (spot, support); the line shows the mean.</summary>
    public void AddAmount(Party party, LineKind kind, string item, string unit, decimal quantity, decimal amountExVat, decimal vatRate, decimal estimatedQuantity = 0m) =>
        Line(party, kind, item, unit, null, vatRate).Add(quantity, amountExVat, estimatedQuantity);

    /// <summary>The lines, leaving out those nothing was added to (a day's plan makes a line for each of its hours' prices).</summary>
    public List<InvoiceLine> ToLines() => [.. _order.Where(line => !line.IsEmpty).Select(line => line.ToInvoiceLine())];

    /// <summary>One line from one amount (a monthly fee's share).</summary>
    public static InvoiceLine Single(Party party, LineKind kind, string item, string unit, decimal quantity, decimal unitPriceExVat, decimal amountExVat, decimal vatRate)
    {
        var line = new LineTotal(new LineKey(party, kind, item, unit, null, vatRate), unitPriceExVat);
        line.Add(quantity, amountExVat, 0m);
        return line.ToInvoiceLine();
    }
}

/// <summary>The terms that make two amounts one invoice line.</summary>
internal readonly record struct LineKey(Party Party, LineKind Kind, string Item, string Unit, decimal? UnitPriceExVat, decimal VatRate);

/// <summary>One invoice line being added up.</summary>
internal sealed class LineTotal(LineKey key, decimal? shownUnitPriceExVat = null)
{
    private decimal _quantity;
    private decimal _amountExVat;
    private decimal _estimated;

    public bool IsEmpty => _quantity == 0m && _amountExVat == 0m;

    /// <summary>Adds quantity at the line's fixed unit price.</summary>
    public void Add(decimal quantity, decimal estimatedQuantity)
    {
        _quantity += quantity;
        if (estimatedQuantity != 0m)
        {
            _estimated += estimatedQuantity;
        }
    }

    /// <summary>Adds quantity with its amount (a line whose unit price varies).</summary>
    public void Add(decimal quantity, decimal amountExVat, decimal estimatedQuantity)
    {
        _amountExVat += amountExVat;
        Add(quantity, estimatedQuantity);
    }

    public InvoiceLine ToInvoiceLine()
    {
        var exVat = key.UnitPriceExVat is { } price ? _quantity * price : _amountExVat;
        var exact = exVat * (1m + key.VatRate);
        var amount = Money.ToOre(exact);
        var roundedExVat = Money.ToOre(exVat);
        var unitPrice = (key.UnitPriceExVat ?? shownUnitPriceExVat) is { } fixedPrice
            ? fixedPrice * (1m + key.VatRate)
            : _quantity == 0m ? 0m : Money.UnitPrice(exact / _quantity);
        return new InvoiceLine(key.Party, key.Kind, key.Item, _quantity, key.Unit, unitPrice, key.VatRate, roundedExVat, amount - roundedExVat, amount, exact, _estimated);
    }
}
