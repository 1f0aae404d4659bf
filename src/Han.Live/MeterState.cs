using Han.Readings;

namespace Han.Live;

/// <summary>
/// One meter's live state (DESIGN.md §1.1): readings in, live readings out. Remembers the identity the
/// meter's longer lists carry, scales by the current transformer, and keeps the live energy estimate
/// per direction, so that consumption can be booked in the hour it happened rather than when the
/// hourly register arrives (ten seconds after the hour, and an hour late for a dashboard).
/// </summary>
public sealed class MeterState
{
    private readonly MeterStateOptions _options;
    private readonly EnergyIntegrator _import;
    private readonly EnergyIntegrator _export;

    public MeterState(MeterStateOptions options)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _import = new EnergyIntegrator(options.MaxGap);
        _export = new EnergyIntegrator(options.MaxGap);
    }

    public MeterIdentity Identity { get; private set; } = MeterIdentity.Unknown;

    /// <summary>The last reading's receive time.</summary>
    public DateTimeOffset? LastSeen { get; private set; }

    public long Readings { get; private set; }

    /// <summary>Takes one reading (with its receive time; without one no energy is integrated).</summary>
    public LiveReading Add(MeterReading reading)
    {
        var scaled = CurrentTransformerScale.Apply(reading, _options.Scale);
        Identity = Identity.With(new MeterIdentity(scaled.MeterManufacturer, scaled.MeterId, scaled.MeterType, scaled.ListVersion));
        Readings++;
        if (scaled.Received is { } at)
        {
            LastSeen = at;
            // Power first, up to this reading's time; then the register of the same list re-anchors.
            Integrate(_import, scaled, ReadingField.ActivePowerImport, ReadingField.ActiveEnergyImport, at);
            Integrate(_export, scaled, ReadingField.ActivePowerExport, ReadingField.ActiveEnergyExport, at);
        }

        return new LiveReading(scaled, Identity, _import.Estimate, _export.Estimate);
    }

    private static void Integrate(EnergyIntegrator integrator, MeterReading reading, ReadingField power, ReadingField register, DateTimeOffset at)
    {
        if (reading[power] is { } watts)
        {
            integrator.AddPower(watts, at);
        }

        if (reading[register] is { } kilowattHours)
        {
            integrator.AddRegister(kilowattHours);
        }
    }
}
