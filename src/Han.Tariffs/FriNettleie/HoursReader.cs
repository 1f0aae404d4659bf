using System.Globalization;
using Han.Pricing;

namespace Han.Tariffs.FriNettleie;

/// <summary>
/// fri-nettleie's <c>timer</c>: a range "16-21" (both ends included: 16:00 to 21:59:59), a single hour
/// "6", or a list of them separated by commas ("0-5,22-23"); a range whose first hour is after its last
/// wraps past midnight ("22-5"). tariff-eksempel.yml, "Timer angir hvilke timer på døgnet".
/// </summary>
internal static class HoursReader
{
    private const string Expected = "hours 0-23 as text: a range \"6-21\" (06:00 to 21:59), one hour \"6\", or a list \"0-5,22-23\"";

    public static IReadOnlyList<HourRange> Read(FriNode node)
    {
        var text = node.Text(Expected);
        var ranges = new List<HourRange>();
        foreach (var part in text.Split(','))
        {
            var ends = part.Split('-');
            if (ends.Length > 2 || !TryHour(ends[0], out var first))
            {
                throw node.Invalid($"is not {Expected}");
            }

            var last = first;
            if (ends.Length == 2 && !TryHour(ends[1], out last))
            {
                throw node.Invalid($"is not {Expected}");
            }

            ranges.Add(new HourRange(first, last));
        }

        return ranges;
    }

    private static bool TryHour(string text, out int hour) =>
        int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out hour) && hour is >= 0 and <= 23;
}
