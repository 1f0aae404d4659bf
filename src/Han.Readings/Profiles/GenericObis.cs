namespace Han.Readings.Profiles;

/// <summary>
/// Any meter that names its objects: OBIS codes through <see cref="ObisMap"/>, scaler_unit when sent,
/// otherwise the schema's base units (W, var, A, V, Wh, varh) unscaled.
/// </summary>
public static class GenericObis
{
    public static MeterProfile Profile { get; } = new()
    {
        Name = "Generic OBIS",
        Scaling = Scalings.Of(),
    };
}
