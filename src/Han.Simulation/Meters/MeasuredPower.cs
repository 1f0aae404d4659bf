namespace Han.Simulation.Meters;

/// <summary>
/// The four powers a meter reports at one instant, in whole watts and vars as every vendor sends them:
/// import and export, never both non-zero. The energy registers integrate exactly these numbers.
/// </summary>
public readonly record struct MeasuredPower(long ActiveImport, long ActiveExport, long ReactiveImport, long ReactiveExport)
{
    public static MeasuredPower Of(MeterValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var active = (long)Math.Round(values.ActivePower, MidpointRounding.AwayFromZero);
        var reactive = (long)Math.Round(values.ReactivePower, MidpointRounding.AwayFromZero);
        return new MeasuredPower(Math.Max(0, active), Math.Max(0, -active), Math.Max(0, reactive), Math.Max(0, -reactive));
    }
}
