using System.Collections.Concurrent;

namespace Han.Pricing;

/// <summary>
/// Norway's public holidays (helligdager and the høytidsdager 1 and 17 May): 1 January, Maundy Thursday,
/// Good Friday, Easter Sunday and Monday, 1 May, 17 May, Ascension Day (Easter + 39), Whit Sunday and
/// Monday (Easter + 49, + 50), 25 and 26 December (Lov om helligdager og helligdagsfred §2; Lov om 1. og
/// 17. mai som høgtidsdager). Christmas Eve and New Year's Eve are not public holidays and stay working
/// days when they fall on a weekday. These are the days grid tariffs' "virkedag" leaves out.
/// </summary>
public static class NorwegianHolidays
{
    private static readonly ConcurrentDictionary<int, HashSet<DateOnly>> ByYear = new();

    public static bool IsPublicHoliday(DateOnly day) => ByYear.GetOrAdd(day.Year, Compute).Contains(day);

    /// <summary>The holidays of a year, in date order.</summary>
    public static IReadOnlyList<DateOnly> Of(int year) => [.. ByYear.GetOrAdd(year, Compute).Order()];

    /// <summary>
    /// Easter Sunday in the Gregorian calendar: the anonymous Gregorian computus as published by
    /// Meeus (Astronomical Algorithms, ch. 8), valid for every Gregorian year.
    /// </summary>
    public static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }

    private static HashSet<DateOnly> Compute(int year)
    {
        var easter = EasterSunday(year);
        return
        [
            new DateOnly(year, 1, 1),
            easter.AddDays(-3),
            easter.AddDays(-2),
            easter,
            easter.AddDays(1),
            new DateOnly(year, 5, 1),
            new DateOnly(year, 5, 17),
            easter.AddDays(39),
            easter.AddDays(49),
            easter.AddDays(50),
            new DateOnly(year, 12, 25),
            new DateOnly(year, 12, 26),
        ];
    }
}
