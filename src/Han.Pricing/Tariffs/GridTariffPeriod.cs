namespace Han.Pricing;

/// <summary>
/// One tariff of a grid company for some customer groups, valid from a local date (included) to
/// another (excluded; null while in force): fri-nettleie's <c>tariffer</c> entry.
/// </summary>
public sealed record GridTariffPeriod(
    DateOnly ValidFrom,
    DateOnly? ValidTo,
    IReadOnlyList<CustomerGroup> CustomerGroups,
    EnergyCharge Energy,
    CapacityCharge Capacity)
{
    public bool IsValidOn(DateOnly day) => day >= ValidFrom && (ValidTo is null || day < ValidTo.Value);
}
