namespace Han.Pricing;

/// <summary>A settlement interval with its energy, its local time and the mean spot price over it.</summary>
internal readonly record struct PricedInterval(
    DateTimeOffset Start,
    DateTime LocalStart,
    decimal ImportKwh,
    decimal ExportKwh,
    bool Estimated,
    decimal SpotNokPerKwh)
{
    public DateOnly LocalDate => DateOnly.FromDateTime(LocalStart);
}
