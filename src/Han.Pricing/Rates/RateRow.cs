namespace Han.Pricing;

/// <summary>
/// One rate with its validity (local dates, <see cref="To"/> excluded; null while in force), its value
/// in the unit the data file names, where it comes from, and whether it is an assumption standing in
/// for a rate no source has confirmed (specs/pricing.md marks these "open").
/// </summary>
public sealed record RateRow(string Name, DateOnly From, DateOnly? To, decimal Value, string Unit, string Source, bool Assumed)
{
    public bool IsValidOn(DateOnly day) => day >= From && (To is null || day < To.Value);
}
