using System.Globalization;
using Han.Protocol.Cosem;

namespace Han.Protocol.P1;

/// <summary>
/// A P1 timestamp: the meter's wall clock and, when the meter wrote it, whether daylight saving time was
/// in force (<c>S</c> summer / <c>W</c> winter after <c>YYMMDDhhmmss</c>). It carries no UTC offset.
/// </summary>
public readonly record struct P1Timestamp(DateTime Local, bool? IsDaylightSaving)
{
    /// <summary>
    /// As a COSEM date-time: deviation not specified; the clock status has the daylight-saving bit
    /// when <c>S</c> was written, 0 for <c>W</c>, and is "not specified" when neither was.
    /// </summary>
    public CosemDateTime ToCosemDateTime()
    {
        var status = IsDaylightSaving switch
        {
            true => CosemDateTime.StatusDaylightSaving,
            false => (byte)0,
            null => CosemDateTime.NotSpecified,
        };

        // COSEM numbers the days of the week 1 (Monday) to 7 (Sunday).
        var dayOfWeek = Local.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)Local.DayOfWeek;
        return new CosemDateTime(
            (ushort)Local.Year,
            (byte)Local.Month,
            (byte)Local.Day,
            (byte)dayOfWeek,
            (byte)Local.Hour,
            (byte)Local.Minute,
            (byte)Local.Second,
            CosemDateTime.NotSpecified,
            CosemDateTime.DeviationNotSpecified,
            status);
    }

    public override string ToString()
    {
        var text = Local.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        return IsDaylightSaving switch
        {
            true => text + " (DST)",
            false => text + " (standard time)",
            null => text,
        };
    }
}
