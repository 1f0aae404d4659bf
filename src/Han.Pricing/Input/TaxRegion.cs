namespace Han.Pricing;

/// <summary>
/// Norway's three tax regions for households (specs/pricing.md §4.3; county and municipality rules, not
/// bidding zones).
/// </summary>
public enum TaxRegion
{
    /// <summary>South of Nordland: elavgift, Enova and 25 % VAT on everything.</summary>
    Standard,

    /// <summary>Nordland and Troms outside the tiltakssone: elavgift and Enova, no VAT.</summary>
    VatExempt,

    /// <summary>Finnmark and Nord-Troms: no elavgift and no VAT; Enova still applies.</summary>
    Tiltakssone,
}
