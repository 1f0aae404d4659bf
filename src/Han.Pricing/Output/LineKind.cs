namespace Han.Pricing;

/// <summary>What an invoice line is, for programs (the item text is for people).</summary>
public enum LineKind
{
    Spot,
    Markup,
    SupplierFixedFee,
    ExportSale,
    EnergyCharge,
    CapacityCharge,
    Elavgift,
    Enova,
    Stromstotte,
    Norgespris,
    OtherFee,
}
