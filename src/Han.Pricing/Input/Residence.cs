namespace Han.Pricing;

/// <summary>What the metering point supplies: it decides the support caps and the tariff's customer group.</summary>
public enum Residence
{
    /// <summary>A home (husholdning): strømstøtte or Norgespris up to 5000 kWh a month.</summary>
    Home,

    /// <summary>A holiday home (fritidsbolig): no strømstøtte; Norgespris up to 1000 kWh a month.</summary>
    HolidayHome,
}
