namespace Han.Readings.Profiles;

/// <summary>
/// The value-only lists Iskraemeco meters send as their distribution companies configure them (see
/// <see cref="Iskraemeco"/> for the sources). Lists of the same length are told apart by the kinds of
/// their values, so a list of a configuration not listed here is reported as an unknown layout rather
/// than read with another's meanings.
/// </summary>
internal static class IskraemecoLayouts
{
    private const ValueKind Text = ValueKind.Text;
    private const ValueKind Number = ValueKind.Number;

    public static IReadOnlyList<PositionalLayout> All { get; } =
    [
        EceList1OnePhase(), EceList1ThreePhase(), EceList2(), LjubljanaOnePhase(), LjubljanaEnergy(), LjubljanaQuarterHour(),
        CeljeThreePhase(), CroatianIe5(),
    ];

    /// <summary>Elektro Ljubljana "ECE list 1", one phase (10 values).</summary>
    private static PositionalLayout EceList1OnePhase() => new(
        ("0-0:42.0.0.255", Text), ("0-0:96.1.0.255", Text),
        ("1-0:1.7.0.255", Number), ("1-0:2.7.0.255", Number), ("1-0:3.7.0.255", Number), ("1-0:4.7.0.255", Number),
        ("1-0:32.7.0.255", Number), ("1-0:31.7.0.255", Number),
        ("1-0:21.7.0.255", Number), ("1-0:22.7.0.255", Number));

    /// <summary>Elektro Ljubljana "ECE list 1", three phases (18 values).</summary>
    private static PositionalLayout EceList1ThreePhase() => new(
        ("0-0:42.0.0.255", Text), ("0-0:96.1.0.255", Text),
        ("1-0:1.7.0.255", Number), ("1-0:2.7.0.255", Number), ("1-0:3.7.0.255", Number), ("1-0:4.7.0.255", Number),
        ("1-0:32.7.0.255", Number), ("1-0:52.7.0.255", Number), ("1-0:72.7.0.255", Number),
        ("1-0:31.7.0.255", Number), ("1-0:51.7.0.255", Number), ("1-0:71.7.0.255", Number),
        ("1-0:21.7.0.255", Number), ("1-0:41.7.0.255", Number), ("1-0:61.7.0.255", Number),
        ("1-0:22.7.0.255", Number), ("1-0:42.7.0.255", Number), ("1-0:62.7.0.255", Number));

    /// <summary>"ECE list 2", the energy registers (12 values); the second is empty or the meter number.</summary>
    private static PositionalLayout EceList2() => new(
        ("0-0:42.0.0.255", Text), (null, Text), ("0-0:96.3.10.255", ValueKind.Flag), ("0-0:96.14.0.255", Text),
        ("1-0:1.8.0.255", Number), ("1-0:1.8.1.255", Number), ("1-0:1.8.2.255", Number),
        ("1-0:2.8.0.255", Number), ("1-0:2.8.1.255", Number), ("1-0:2.8.2.255", Number),
        ("1-0:3.8.0.255", Number), ("1-0:4.8.0.255", Number));

    /// <summary>Elektro Ljubljana, one phase without current (9 values); the last two are not named by any source.</summary>
    private static PositionalLayout LjubljanaOnePhase() => new(
        ("0-0:42.0.0.255", Text), ("0-0:96.1.0.255", Text),
        ("1-0:1.7.0.255", Number), ("1-0:2.7.0.255", Number), ("1-0:3.7.0.255", Number), ("1-0:4.7.0.255", Number),
        ("1-0:32.7.0.255", Number), (null, Number), (null, Number));

    /// <summary>Elektro Ljubljana, power and energy registers (9 values).</summary>
    private static PositionalLayout LjubljanaEnergy() => new(
        ("0-0:42.0.0.255", Text),
        ("1-0:1.7.0.255", Number), ("1-0:2.7.0.255", Number),
        ("1-0:1.8.0.255", Number), ("1-0:1.8.1.255", Number), ("1-0:1.8.2.255", Number),
        ("1-0:2.8.0.255", Number), ("1-0:2.8.1.255", Number), ("1-0:2.8.2.255", Number));

    /// <summary>Elektro Ljubljana, every quarter hour (4 values); the unsigned after the meter number is not named by any source.</summary>
    private static PositionalLayout LjubljanaQuarterHour() => new(
        ("0-0:96.1.0.255", Text), (null, Number), ("1-0:1.8.0.255", Number), ("1-0:2.8.0.255", Number));

    /// <summary>Elektro Celje (12 values): the second value is the text <c>UP_3f</c>, a list name rather than a meter number.</summary>
    private static PositionalLayout CeljeThreePhase() => new(
        ("0-0:42.0.0.255", Text), (null, Text),
        ("1-0:32.7.0.255", Number), ("1-0:52.7.0.255", Number), ("1-0:72.7.0.255", Number),
        ("1-0:31.7.0.255", Number), ("1-0:51.7.0.255", Number), ("1-0:71.7.0.255", Number),
        ("1-0:1.7.0.255", Number), ("1-0:2.7.0.255", Number), ("1-0:3.7.0.255", Number), ("1-0:4.7.0.255", Number));

    /// <summary>
    /// HEP (Croatia) IE.5 (33 values): the time and date come as 4- and 5-byte strings and stay by
    /// position, as do the last five values (a limiter setting, three arrays and a flag no source names).
    /// </summary>
    private static PositionalLayout CroatianIe5() => new(
        ("0-0:96.1.0.255", Text), (null, Text), (null, Text),
        ("1-0:1.8.0.255", Number), ("1-0:1.8.1.255", Number), ("1-0:1.8.2.255", Number),
        ("1-0:2.8.0.255", Number), ("1-0:2.8.1.255", Number), ("1-0:2.8.2.255", Number),
        ("1-0:5.8.0.255", Number), ("1-0:6.8.0.255", Number), ("1-0:7.8.0.255", Number), ("1-0:8.8.0.255", Number),
        ("1-0:1.7.0.255", Number), ("1-0:2.7.0.255", Number), ("1-0:13.7.0.255", Number),
        ("1-0:21.7.0.255", Number), ("1-0:41.7.0.255", Number), ("1-0:61.7.0.255", Number),
        ("1-0:22.7.0.255", Number), ("1-0:42.7.0.255", Number), ("1-0:62.7.0.255", Number),
        ("1-0:32.7.0.255", Number), ("1-0:52.7.0.255", Number), ("1-0:72.7.0.255", Number),
        ("1-0:31.7.0.255", Number), ("1-0:51.7.0.255", Number), ("1-0:71.7.0.255", Number),
        (null, Number), (null, ValueKind.Container), (null, ValueKind.Container), (null, ValueKind.Container), (null, ValueKind.Flag));
}
