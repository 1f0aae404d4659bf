namespace Han.TestCorpus;

/// <summary>
/// The 27 elements of EG.D's compact-descriptor list example (corpus case dlmsp-egd-example-cz), read
/// by hand from its bytes, as the tree view shows them: the descriptor's line and the value's line.
/// </summary>
public static class CompactListExample
{
    public const string CaseId = "dlmsp-egd-example-cz";

    public static readonly IReadOnlyList<(string Descriptor, string TreeValue)> Elements =
    [
        ("class 1 (data), OBIS 0.0.42.0.0.255, attribute 2", "octet-string \"EGD012345\""),
        ("class 40 (push setup), OBIS 0.2.25.9.0.255, attribute 1", "octet-string 0002190900FF = OBIS 0.2.25.9.0.255"),
        ("class 1 (data), OBIS 0.0.96.1.0.255, attribute 2", "octet-string \"0123456789\""),
        ("class 70 (disconnect control), OBIS 0.0.96.3.10.255, attribute 3", "enum 1"),
        ("class 71 (limiter), OBIS 0.0.17.0.0.255, attribute 3", "double-long-unsigned 0"),
        ("class 70 (disconnect control), OBIS 0.1.96.3.10.255, attribute 3", "enum 1"),
        ("class 70 (disconnect control), OBIS 0.2.96.3.10.255, attribute 3", "enum 1"),
        ("class 70 (disconnect control), OBIS 0.3.96.3.10.255, attribute 3", "enum 0"),
        ("class 70 (disconnect control), OBIS 0.4.96.3.10.255, attribute 3", "enum 0"),
        ("class 70 (disconnect control), OBIS 0.5.96.3.10.255, attribute 3", "enum 0"),
        ("class 70 (disconnect control), OBIS 0.6.96.3.10.255, attribute 3", "enum 0"),
        ("class 1 (data), OBIS 0.0.96.14.0.255, attribute 2", "octet-string \"T3\""),
        ("class 3 (register), OBIS 1.0.1.7.0.255, attribute 2", "double-long-unsigned 3"),
        ("class 3 (register), OBIS 1.0.21.7.0.255, attribute 2", "double-long-unsigned 1"),
        ("class 3 (register), OBIS 1.0.41.7.0.255, attribute 2", "double-long-unsigned 1"),
        ("class 3 (register), OBIS 1.0.61.7.0.255, attribute 2", "double-long-unsigned 1"),
        ("class 3 (register), OBIS 1.0.2.7.0.255, attribute 2", "double-long-unsigned 3"),
        ("class 3 (register), OBIS 1.0.22.7.0.255, attribute 2", "double-long-unsigned 1"),
        ("class 3 (register), OBIS 1.0.42.7.0.255, attribute 2", "double-long-unsigned 1"),
        ("class 3 (register), OBIS 1.0.62.7.0.255, attribute 2", "double-long-unsigned 1"),
        ("class 3 (register), OBIS 1.0.1.8.0.255, attribute 2", "double-long-unsigned 8"),
        ("class 3 (register), OBIS 1.0.1.8.1.255, attribute 2", "double-long-unsigned 0"),
        ("class 3 (register), OBIS 1.0.1.8.2.255, attribute 2", "double-long-unsigned 4"),
        ("class 3 (register), OBIS 1.0.1.8.3.255, attribute 2", "double-long-unsigned 4"),
        ("class 3 (register), OBIS 1.0.1.8.4.255, attribute 2", "double-long-unsigned 0"),
        ("class 3 (register), OBIS 1.0.2.8.0.255, attribute 2", "double-long-unsigned 4"),
        ("class 1 (data), OBIS 0.0.96.13.0.255, attribute 2", "octet-string "),
    ];

    /// <summary>The OBIS code an element's descriptor names, as the views print it.</summary>
    public static string ObisOf(string descriptor) => descriptor.Split(", ")[^2]["OBIS ".Length..];
}
