using System.Globalization;

namespace Han.Readings;

/// <summary>How a receive time is written everywhere: UTC to the millisecond, <c>2026-12-01T20:00:00.123Z</c>.</summary>
public static class ReceiveTime
{
    public const int MaxLength = 24;

    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    public static string ToText(DateTimeOffset received) => received.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    public static bool TryFormat(DateTimeOffset received, Span<byte> destination, out int written) =>
        received.UtcDateTime.TryFormat(destination, out written, Format, CultureInfo.InvariantCulture);
}
