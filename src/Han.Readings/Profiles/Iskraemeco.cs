namespace Han.Readings.Profiles;

/// <summary>
/// Iskraemeco AM550 and IE.5. Slovenian distribution companies each configure value-only lists of their
/// own (docs/european-captures.md lists them with their sources); every one is a layout here, told from the
/// others of its length by the kinds of its values:
/// <list type="bullet">
/// <item>Elektro Ljubljana "ECE list 1": logical device name (<c>ISK...</c>), meter number, P+, P−, Q+, Q−,
/// voltages in 0.1 V, currents in 0.01 A, per-phase active power, in 10 values (one phase) or 18 (three);
/// the per-phase import sums to the total within a watt (amsreader issues 869 and 956).</item>
/// <item>"ECE list 2": logical device name, an empty string or the meter number, the disconnector (a
/// boolean or an enum), the tariff, then A+ total/T1/T2, A− total/T1/T2, R+ and R− in Wh and varh
/// (athombv/node-dsmr-parser slovenia-list-2; amsreader issue 615); each total is the sum of its tariffs.</item>
/// <item>Elektro Ljubljana, one phase, 9 values: logical device name, meter number, P+, P−, Q+, Q−,
/// voltage, then two registers nobody has named (kept by position) (amsreader issue 869).</item>
/// <item>Elektro Ljubljana, 9 values: logical device name, P+, P−, A+ total/T1/T2, A− total/T1/T2
/// (amsreader issue 869: each total is the sum of its tariffs, and the same meter's 4-value list a
/// second later repeats both totals).</item>
/// <item>Elektro Ljubljana, every quarter hour, 4 values: meter number, an unnamed unsigned, A+ and A−
/// (amsreader issue 869: A+ grows by what the 9-value lists' power gives over the quarter).</item>
/// <item>Elektro Celje, 12 values: logical device name, the text <c>UP_3f</c>, voltages, currents, P+,
/// P−, Q+, Q− (amsreader issue 615, its decoder's reading of P, U and I; the two reactive powers as
/// amsreader names them).</item>
/// <item>HEP (Croatia) IE.5, 33 values without a logical device name: meter number, time and date
/// as short strings, A+ total/T1/T2, A− total/T1/T2, the four reactive quadrant registers, P+, P−, the
/// power factor, per-phase P+ and P−, voltages, currents, then a limiter and three arrays kept by
/// position (amsreader issue 1072 with the distributor's OBIS table; each total is the sum of its
/// tariffs and the phases' P+ the total within a watt).</item>
/// </list>
/// Austrian AM550 lists (KELAG) name their push setup and have no published layout; they are read by
/// their OBIS names where they have them. Swiss AM550 lists of the 2026 VSE standard start with their
/// own push object list and name the meter by its logical device name (scs/smartmeter-datacollector
/// tests/testdata/iskra_am550.py), read with the same units.
/// </summary>
public static class Iskraemeco
{
    public static MeterProfile Profile { get; } = new()
    {
        Name = "Iskraemeco",
        Manufacturer = "Iskraemeco",
        ListIdPrefixes = ["ISK"],
        SystemTitlePrefixes = ["ISK"],
        SendsSelfDescribedLists = true,
        Scaling = Scalings.Of(current: -2, voltage: -1, energy: 0),
        Layouts = IskraemecoLayouts.All,
    };
}
