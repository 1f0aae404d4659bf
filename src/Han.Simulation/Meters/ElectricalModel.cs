using System.Numerics;
using Han.Simulation.Load;
using Han.Simulation.Vendors;

namespace Han.Simulation.Meters;

/// <summary>
/// Currents and voltages consistent with the power drawn. On TN each branch is a phase to neutral:
/// I = |S| / U. On IT each branch is a pair of lines; the line currents are the phasor differences of
/// the branch currents (I1 = I12 - I31, I2 = I23 - I12, I3 = I31 - I23), so that the two-wattmeter sum
/// Re(U12 I1*) + Re(U32 I3*) is the active power, as a 3-wire meter with L2 as reference measures it.
/// A line impedance of 0.2 Ω lowers the voltage under load.
/// </summary>
public static class ElectricalModel
{
    private const double LineResistance = 0.2;
    private static readonly double HalfRootThree = Math.Sqrt(3) / 2;

    /// <summary>The three unit phasors of a positive-sequence system: 0°, -120°, +120°.</summary>
    private static readonly Complex[] Rotation = [new(1, 0), new(-0.5, -HalfRootThree), new(-0.5, HalfRootThree)];

    public static MeterValues Measure(BranchLoads loads, IReadOnlyList<double> supply, int phases, Grid grid)
    {
        ArgumentNullException.ThrowIfNull(loads);
        ArgumentNullException.ThrowIfNull(supply);
        var power = new Complex(loads.TotalActive, loads.Reactive.Sum());
        if (phases == 1 || grid == Grid.Tn)
        {
            return PhaseToNeutral(loads, supply, power);
        }

        // Virtual star voltages whose differences are 230 V lines (IT has no neutral to measure to).
        var star = new Complex[3];
        for (var phase = 0; phase < 3; phase++)
        {
            star[phase] = Rotation[phase] * (Supply.Nominal / Math.Sqrt(3) * supply[phase]);
        }

        Complex[] lines = [star[0] - star[1], star[1] - star[2], star[2] - star[0]]; // U12, U23, U31
        var branch = new Complex[3];
        for (var b = 0; b < 3; b++)
        {
            branch[b] = Complex.Conjugate(new Complex(loads.Active[b], loads.Reactive[b]) / lines[b]);
        }

        Complex[] line = [branch[0] - branch[2], branch[1] - branch[0], branch[2] - branch[1]]; // I1, I2, I3
        // IL1 and IL3 signed by the active power their elements measure against L2; IL2 belongs to no
        // element (the reference), and no vendor that sends it signs it.
        var i1 = Signed(line[0], lines[0]);
        var i3 = Signed(line[2], -lines[1]);
        var i2 = line[1].Magnitude;
        var drop = LineResistance * (Math.Abs(i1) + Math.Abs(i2) + Math.Abs(i3)) / 3;
        return new MeterValues(
            power.Real,
            power.Imaginary,
            [i1, i2, i3],
            [lines[0].Magnitude - drop, lines[2].Magnitude - drop, lines[1].Magnitude - drop]);
    }

    private static MeterValues PhaseToNeutral(BranchLoads loads, IReadOnlyList<double> supply, Complex power)
    {
        var currents = new double[loads.Count];
        var voltages = new double[loads.Count];
        for (var phase = 0; phase < loads.Count; phase++)
        {
            var volts = Supply.Nominal * supply[phase];
            var apparent = new Complex(loads.Active[phase], loads.Reactive[phase]).Magnitude;
            currents[phase] = apparent / volts * (loads.Active[phase] < 0 ? -1 : 1);
            voltages[phase] = volts - (LineResistance * Math.Abs(currents[phase]));
        }

        return new MeterValues(power.Real, power.Imaginary, currents, voltages);
    }

    /// <summary>|I| with the sign of the active power Re(U I*) an element with voltage U and current I measures.</summary>
    private static double Signed(Complex current, Complex voltage) =>
        current.Magnitude * ((voltage * Complex.Conjugate(current)).Real < 0 ? -1 : 1);
}
