namespace Han.Storage;

/// <summary>A spot price as the store keeps it: the interval, NOK/kWh excluding VAT, which source gave it and when.</summary>
/// <param name="Start">The interval's start (UTC).</param>
/// <param name="End">Its end, exclusive.</param>
/// <param name="NokPerKwh">The spot price, NOK/kWh ex VAT, exact.</param>
/// <param name="Source">The source's name: hvakosterstrommen, entsoe or file.</param>
/// <param name="FetchedAt">When han fetched it.</param>
public sealed record StoredPrice(DateTimeOffset Start, DateTimeOffset End, decimal NokPerKwh, string Source, DateTimeOffset FetchedAt);
