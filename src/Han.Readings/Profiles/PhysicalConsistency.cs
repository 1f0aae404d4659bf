using System.Globalization;

namespace Han.Readings.Profiles;

/// <summary>
/// Whether a reading's values can be true together, in schema units (issue 12): per phase, active
/// power no more than voltage × current (with a margin for rounding and for meters that average);
/// voltages within the ranges of real grids; a power factor within 0..1 and, where P and Q of the same
/// scope are both sent, close to P / √(P² + Q²). Used to choose among a profile's documented
/// resolutions (<see cref="ResolutionChooser"/>), never to drop a value.
/// </summary>
public static class PhysicalConsistency
{
    /// <summary>
    /// Below this a phase is off or is the reference: a three-wire meter in an IT grid sends UL2 = 0 while
    /// IL2 flows (Kaifa in Norway), so a low voltage says nothing about the current.
    /// </summary>
    public const decimal MaxVoltageOfAPhaseThatIsOff = 10m;

    /// <summary>The lowest nominal voltage of a low-voltage grid (100 V, Japan) less a tenth for sags.</summary>
    public const decimal MinGridVoltage = 90m;

    /// <summary>The highest line-to-line voltage of a low-voltage grid (480 V) with some margin.</summary>
    public const decimal MaxGridVoltage = 500m;

    /// <summary>How far active power may exceed U × I: meters round and average each quantity apart.</summary>
    public const decimal ApparentPowerMargin = 1.2m;

    /// <summary>Watts a phase may show beyond U × I (a current rounded to 0.01 A at 230 V is ±2.3 W).</summary>
    public const decimal PowerSlack = 50m;

    /// <summary>How far a power factor may stray from P / √(P² + Q²) (meters average PF over their period).</summary>
    public const decimal PowerFactorTolerance = 0.15m;

    /// <summary>Below this apparent power a power factor says little (rounding dominates).</summary>
    public const decimal MinApparentPowerForPowerFactor = 100m;

    private static readonly ReadingField[] Voltages = [ReadingField.VoltageL1, ReadingField.VoltageL2, ReadingField.VoltageL3];

    private static readonly ReadingField[] Currents = [ReadingField.CurrentL1, ReadingField.CurrentL2, ReadingField.CurrentL3];

    private static readonly (ReadingField Import, ReadingField Export)[] PhasePowers =
    [
        (ReadingField.ActivePowerImportL1, ReadingField.ActivePowerExportL1),
        (ReadingField.ActivePowerImportL2, ReadingField.ActivePowerExportL2),
        (ReadingField.ActivePowerImportL3, ReadingField.ActivePowerExportL3),
    ];

    /// <summary>Each power factor with the active and reactive powers of its scope (total, L1, L2, L3).</summary>
    private static readonly (ReadingField Factor, ReadingField PImport, ReadingField PExport, ReadingField QImport, ReadingField QExport)[] PowerFactors =
    [
        (ReadingField.PowerFactor, ReadingField.ActivePowerImport, ReadingField.ActivePowerExport, ReadingField.ReactivePowerImport, ReadingField.ReactivePowerExport),
        (ReadingField.PowerFactorL1, ReadingField.ActivePowerImportL1, ReadingField.ActivePowerExportL1, ReadingField.ReactivePowerImportL1, ReadingField.ReactivePowerExportL1),
        (ReadingField.PowerFactorL2, ReadingField.ActivePowerImportL2, ReadingField.ActivePowerExportL2, ReadingField.ReactivePowerImportL2, ReadingField.ReactivePowerExportL2),
        (ReadingField.PowerFactorL3, ReadingField.ActivePowerImportL3, ReadingField.ActivePowerExportL3, ReadingField.ReactivePowerImportL3, ReadingField.ReactivePowerExportL3),
    ];

    public static bool IsConsistent(MeterReading reading) => FirstInconsistency(reading) is null;

    /// <summary>Null when the values can be true together; otherwise what is not, in words.</summary>
    public static string? FirstInconsistency(MeterReading reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        return VoltageOutsideGrids(reading) ?? PowerBeyondVoltageTimesCurrent(reading) ?? PowerFactorOutOfPlace(reading);
    }

    private static string? VoltageOutsideGrids(MeterReading reading)
    {
        for (var phase = 0; phase < Voltages.Length; phase++)
        {
            if (reading[Voltages[phase]] is not { } volts)
            {
                continue;
            }

            if (!IsGridVoltage(volts))
            {
                return $"{Key(Voltages[phase])} {Text(volts)} V is neither off (under {Text(MaxVoltageOfAPhaseThatIsOff)} V) nor within the {Text(MinGridVoltage)}-{Text(MaxGridVoltage)} V of real grids";
            }
        }

        return null;
    }

    private static bool IsGridVoltage(decimal volts) =>
        volts >= 0 && (volts < MaxVoltageOfAPhaseThatIsOff || (volts >= MinGridVoltage && volts <= MaxGridVoltage));

    /// <summary>Per phase where the phase's power is sent; otherwise the total against the sum of the phases.</summary>
    private static string? PowerBeyondVoltageTimesCurrent(MeterReading reading)
    {
        var apparentSum = 0m;
        var everyPhaseKnown = true;
        var anyPhase = false;
        for (var phase = 0; phase < Currents.Length; phase++)
        {
            if (reading[Currents[phase]] is not { } amperes)
            {
                continue;
            }

            if (reading[Voltages[phase]] is not { } volts)
            {
                everyPhaseKnown = false;
                continue;
            }

            anyPhase = true;
            var apparent = volts * Math.Abs(amperes);
            apparentSum += apparent;
            // A phase without its own voltage (the IT grid's reference) has no U × I of its own to compare with.
            if (volts >= MinGridVoltage && Net(reading, PhasePowers[phase].Import, PhasePowers[phase].Export) is { } watts && Exceeds(watts, apparent))
            {
                return $"the active power of L{phase + 1}, {Text(watts)} W, is more than {Key(Voltages[phase])} × {Key(Currents[phase])} = {Text(apparent)} VA";
            }
        }

        if (anyPhase && everyPhaseKnown
            && Net(reading, ReadingField.ActivePowerImport, ReadingField.ActivePowerExport) is { } total && Exceeds(total, apparentSum))
        {
            return $"active power {Text(total)} W is more than the sum of voltage × current, {Text(apparentSum)} VA";
        }

        return null;
    }

    private static bool Exceeds(decimal watts, decimal apparent) => Math.Abs(watts) > (apparent * ApparentPowerMargin) + PowerSlack;

    private static string? PowerFactorOutOfPlace(MeterReading reading)
    {
        foreach (var (factor, pImport, pExport, qImport, qExport) in PowerFactors)
        {
            if (reading[factor] is not { } ratio)
            {
                continue;
            }

            // A meter may sign the factor by the direction of flow; its size is the ratio.
            var size = Math.Abs(ratio);
            if (size > 1)
            {
                return $"{Key(factor)} {Text(ratio)} is not a ratio within 0..1";
            }

            if (Net(reading, pImport, pExport) is { } p && Net(reading, qImport, qExport) is { } q && !Agrees(size, p, q))
            {
                return $"{Key(factor)} {Text(ratio)} does not agree with P {Text(p)} W and Q {Text(q)} var";
            }
        }

        return null;
    }

    /// <summary>|P| / √(P² + Q²) within the tolerance of the factor, compared in squares to stay exact.</summary>
    private static bool Agrees(decimal factor, decimal p, decimal q)
    {
        var apparentSquared = (p * p) + (q * q);
        if (apparentSquared < MinApparentPowerForPowerFactor * MinApparentPowerForPowerFactor)
        {
            return true;
        }

        var low = Math.Max(0m, factor - PowerFactorTolerance);
        var high = Math.Min(1m, factor + PowerFactorTolerance);
        var activeSquared = p * p;
        return activeSquared >= low * low * apparentSquared && activeSquared <= high * high * apparentSquared;
    }

    /// <summary>Import less export when either is sent (a meter sends one of them as 0 at a time).</summary>
    private static decimal? Net(MeterReading reading, ReadingField import, ReadingField export)
    {
        var imported = reading[import];
        var exported = reading[export];
        return imported is null && exported is null ? null : (imported ?? 0) - (exported ?? 0);
    }

    private static string Key(ReadingField field) => ReadingFieldInfo.Of(field).Key;

    private static string Text(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
