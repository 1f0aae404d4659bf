namespace Han.Pricing;

/// <summary>
/// The cost of one hour, in NOK including VAT where it applies, not rounded: what the hour's energy
/// cost at the supplier, at the grid company (energiledd, elavgift, Enova) and with the support
/// scheme. Monthly fees (fixed, capacity) are not shared out to hours.
/// </summary>
/// <param name="Start">The hour's start (UTC).</param>
/// <param name="LocalStart">The hour's start on the local clock.</param>
/// <param name="ImportKwh">Energy taken.</param>
/// <param name="ExportKwh">Energy fed in.</param>
/// <param name="Estimated">True when some of the hour's energy was estimated by the store.</param>
/// <param name="SpotNokPerKwh">The hour's mean spot price, ex VAT.</param>
/// <param name="Supplier">Spot and markup for the import, less the export sale.</param>
/// <param name="Grid">Energiledd, elavgift and Enova.</param>
/// <param name="Support">Strømstøtte (≤ 0) or the Norgespris amount (either sign).</param>
public sealed record HourCost(
    DateTimeOffset Start,
    DateTime LocalStart,
    decimal ImportKwh,
    decimal ExportKwh,
    bool Estimated,
    decimal SpotNokPerKwh,
    decimal Supplier,
    decimal Grid,
    decimal Support)
{
    public decimal Total => Supplier + Grid + Support;

    /// <summary>What a kWh taken in this hour cost, all in (NOK/kWh incl VAT); null when nothing was taken.</summary>
    public decimal? AllInPerKwh => ImportKwh == 0m ? null : Total / ImportKwh;
}
