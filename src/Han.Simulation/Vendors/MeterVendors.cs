namespace Han.Simulation.Vendors;

/// <summary>The vendors the simulator can be, by their command-line name.</summary>
public static class MeterVendors
{
    public static IReadOnlyList<MeterVendor> All { get; } = [Aidon.Vendor, Kaifa.Vendor, Kamstrup.Vendor, LandisGyr.Vendor];

    public static IReadOnlyList<string> Keys { get; } = [.. All.Select(vendor => vendor.Key)];

    public static MeterVendor? Find(string? key) =>
        All.FirstOrDefault(vendor => string.Equals(vendor.Key, key, StringComparison.OrdinalIgnoreCase));
}
