namespace Han.Readings.Profiles;

/// <summary>
/// Sagemcom T210-D/S210 (Austria, Luxembourg): named lists with scaler_unit, so only the maker comes
/// from here, recognised by the system title (<c>SAG...</c>) of its ciphered frames.
/// </summary>
public static class Sagemcom
{
    public static MeterProfile Profile { get; } = new()
    {
        Name = "Sagemcom",
        Manufacturer = "Sagemcom",
        SystemTitlePrefixes = ["SAG"],
    };
}
