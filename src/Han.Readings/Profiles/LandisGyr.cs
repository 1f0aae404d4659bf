namespace Han.Readings.Profiles;

/// <summary>
/// Landis+Gyr. In Norway the E350 sends EMBRIQ_V1_1, Aidon-style structures with scaler_unit, and
/// Norwegian local time like Aidon (norway-lists.md §6). The E450 sends value-only lists without
/// scalers: in Austria a positional list of 14 values (Netz Burgenland; amsreader frames/lng2.raw
/// annotates U1-U3 in V, I1-I3 in 0.01 A, P+/P- in W, A+/A- in Wh and the meter number last), in
/// Switzerland a list that starts with its own push object list (amsreader issue 740/934), read with
/// the same units. Swiss lists of the 2026 VSE standard send voltages in 0.1 V, and the E570
/// current-transformer meter sends currents in whole amperes (scs/smartmeter-datacollector
/// tests/testdata/lg_e570.py, lg_e450.py): documented alternatives, chosen when the usual ones make
/// the reading physically inconsistent (<see cref="ResolutionChooser"/>).
/// </summary>
public static class LandisGyr
{
    public static MeterProfile Profile { get; } = new()
    {
        Name = "Landis+Gyr",
        Manufacturer = "Landis+Gyr",
        ListIdPrefixes = ["EMBRIQ_"],
        SystemTitlePrefixes = ["LGZ"],
        ClockDeviationIsReliable = false,
        SendsSelfDescribedLists = true,
        Scaling = Scalings.Of(current: -2, voltage: 0, energy: 0),
        AlternativeScalers = Scalings.Alternatives(current: [0], voltage: [-1]),
        Layouts =
        [
            new(
                ("1-0:32.7.0.255", ValueKind.Number),
                ("1-0:52.7.0.255", ValueKind.Number),
                ("1-0:72.7.0.255", ValueKind.Number),
                ("1-0:31.7.0.255", ValueKind.Number),
                ("1-0:51.7.0.255", ValueKind.Number),
                ("1-0:71.7.0.255", ValueKind.Number),
                ("1-0:1.7.0.255", ValueKind.Number),
                ("1-0:2.7.0.255", ValueKind.Number),
                ("1-0:1.8.0.255", ValueKind.Number),
                ("1-0:2.8.0.255", ValueKind.Number),
                (null, ValueKind.Number),
                (null, ValueKind.Number),
                (null, ValueKind.Number),
                ("0-0:96.1.0.255", ValueKind.Text)),
        ],
    };
}
