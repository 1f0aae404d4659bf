namespace Han.Storage;

/// <summary>
/// A meter's active power over one minute (W): the mean, lowest and highest of the <see cref="Count"/>
/// lists received in it. Import and export have their own counts, since a list may carry one without
/// the other; an absent side is null, never 0.
/// </summary>
public sealed record MinutePower(
    string Meter,
    DateTimeOffset Start,
    PowerSummary? Import,
    PowerSummary? Export);

/// <summary>Mean, lowest and highest power (W) of <see cref="Count"/> values.</summary>
public sealed record PowerSummary(double Mean, double Min, double Max, int Count);
