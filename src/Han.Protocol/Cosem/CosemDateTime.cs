using System.Buffers.Binary;
using System.Globalization;

namespace Han.Protocol.Cosem;

/// <summary>
/// COSEM date-time (Blue Book §4.1.6.1): 12 bytes <c>YYYY MM DD DoW hh mm ss hh/100 DEV(2) STATUS</c>.
/// 0xFF (0xFFFF for the year) means "not specified"; deviation 0x8000 means "not specified".
/// In practice UTC = local + deviation (Netz NÖ brochure; protocol.md §5.3), so the UTC offset is −deviation.
/// </summary>
public readonly record struct CosemDateTime(
    ushort Year,
    byte Month,
    byte Day,
    byte DayOfWeek,
    byte Hour,
    byte Minute,
    byte Second,
    byte Hundredths,
    short Deviation,
    byte ClockStatus)
{
    public const int EncodedLength = 12;
    public const short DeviationNotSpecified = unchecked((short)0x8000);
    public const byte NotSpecified = 0xFF;

    /// <summary>Clock status bit 0: the meter says its clock is invalid.</summary>
    public const byte StatusInvalid = 0x01;

    /// <summary>Clock status bit 7: daylight saving time is active.</summary>
    public const byte StatusDaylightSaving = 0x80;

    public static CosemDateTime Read(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < EncodedLength)
        {
            throw new ArgumentException($"A COSEM date-time has {EncodedLength} bytes, not {bytes.Length}.", nameof(bytes));
        }

        return new CosemDateTime(
            BinaryPrimitives.ReadUInt16BigEndian(bytes),
            bytes[2],
            bytes[3],
            bytes[4],
            bytes[5],
            bytes[6],
            bytes[7],
            bytes[8],
            BinaryPrimitives.ReadInt16BigEndian(bytes[9..]),
            bytes[11]);
    }

    /// <summary>
    /// True when each field is in its range or "not specified" (month 1-12 or 0xFD-0xFF, day 1-31 or
    /// 0xFD-0xFF, hour 0-23, minute and second 0-59): tells a date-time from 12 bytes of text such as
    /// ZPA's list identifier "ZPA3HAN00200".
    /// </summary>
    public bool IsWellFormed =>
        (Month is >= 1 and <= 12 or >= 0xFD)
        && (Day is >= 1 and <= 31 or >= 0xFD)
        && (Hour is <= 23 or NotSpecified)
        && (Minute is <= 59 or NotSpecified)
        && (Second is <= 59 or NotSpecified);

    /// <summary>The UTC offset (−deviation) when the meter states it, else null.</summary>
    public TimeSpan? UtcOffset =>
        Deviation == DeviationNotSpecified || Deviation < -720 || Deviation > 720
            ? null
            : TimeSpan.FromMinutes(-Deviation);

    /// <summary>Clock status says invalid (status byte 0xFF means "not specified", which is not invalid).</summary>
    public bool IsMarkedInvalid => ClockStatus != NotSpecified && (ClockStatus & StatusInvalid) != 0;

    /// <summary>
    /// The wall-clock time, when year, month, day, hour and minute are all given and form a real instant.
    /// Unspecified seconds or hundredths count as zero.
    /// </summary>
    public bool TryGetLocalTime(out DateTime local)
    {
        local = default;
        if (Year is 0 or > 9999 || Month is < 1 or > 12 || Day is < 1 or > 31 || Hour > 23 || Minute > 59)
        {
            return false;
        }

        var second = Second == NotSpecified ? 0 : Second;
        var hundredths = Hundredths == NotSpecified ? 0 : Hundredths;
        if (second > 59 || hundredths > 99 || Day > DateTime.DaysInMonth(Year, Month))
        {
            return false;
        }

        local = new DateTime(Year, Month, Day, Hour, Minute, second, hundredths * 10, DateTimeKind.Unspecified);
        return true;
    }

    /// <summary>Every field as sent, for debugging views (unspecified fields print as "*").</summary>
    public string Describe()
    {
        static string Field(int value, int unspecified, string format) =>
            value == unspecified ? "*" : value.ToString(format, CultureInfo.InvariantCulture);

        var deviation = Deviation == DeviationNotSpecified ? "unspecified" : Deviation.ToString(CultureInfo.InvariantCulture) + " min";
        var status = ClockStatus == NotSpecified ? "unspecified" : "0x" + ClockStatus.ToString("X2", CultureInfo.InvariantCulture);
        return $"{Field(Year, 0xFFFF, "0000")}-{Field(Month, 0xFF, "00")}-{Field(Day, 0xFF, "00")} "
            + $"{Field(Hour, 0xFF, "00")}:{Field(Minute, 0xFF, "00")}:{Field(Second, 0xFF, "00")}.{Field(Hundredths, 0xFF, "00")}"
            + $" dow {Field(DayOfWeek, 0xFF, "0")}, deviation {deviation}, status {status}";
    }
}
