namespace Han.Pricing;

/// <summary>
/// The capacity fee for the days of a month under one tariff: the step chosen by the month's power, the
/// days it covers, and its share of the monthly price (pro rata by days, docs/decisions.md).
/// </summary>
public sealed record CapacitySegment(
    DateOnly From,
    DateOnly To,
    decimal StepFromKwhPerHour,
    decimal? StepToKwhPerHour,
    decimal NokPerMonthExVat,
    int Days,
    int DaysInMonth,
    InvoiceLine Line);
