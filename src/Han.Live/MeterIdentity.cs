namespace Han.Live;

/// <summary>Who a meter is, as its lists said last (list 1 of Aidon and Kaifa carries only power).</summary>
public sealed record MeterIdentity(string? Manufacturer, string? MeterId, string? MeterType, string? ListVersion)
{
    public static MeterIdentity Unknown { get; } = new(null, null, null, null);

    /// <summary>This identity with whatever <paramref name="update"/> says, keeping what it leaves out.</summary>
    public MeterIdentity With(MeterIdentity update) => new(
        update.Manufacturer ?? Manufacturer,
        update.MeterId ?? MeterId,
        update.MeterType ?? MeterType,
        update.ListVersion ?? ListVersion);
}
