namespace Han.Integrations.Prices;

/// <summary>A day-ahead price as ENTSO-E publishes it, in EUR per MWh, before the conversion to NOK/kWh.</summary>
public sealed record EuroPrice(DateTimeOffset Start, DateTimeOffset End, decimal EurPerMwh);
