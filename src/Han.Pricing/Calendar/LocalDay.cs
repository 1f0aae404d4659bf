namespace Han.Pricing;

/// <summary>A local calendar day with what tariffs ask of it: its weekday and whether it is a public holiday.</summary>
internal readonly record struct LocalDay(DateOnly Date, bool IsPublicHoliday)
{
    public static LocalDay Norwegian(DateOnly date) => new(date, NorwegianHolidays.IsPublicHoliday(date));

    public bool IsWeekend => Date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    public bool IsDayOff => IsWeekend || IsPublicHoliday;

    public bool Is(DayKind kind) => kind switch
    {
        DayKind.All => true,
        DayKind.Monday => Date.DayOfWeek == DayOfWeek.Monday,
        DayKind.Tuesday => Date.DayOfWeek == DayOfWeek.Tuesday,
        DayKind.Wednesday => Date.DayOfWeek == DayOfWeek.Wednesday,
        DayKind.Thursday => Date.DayOfWeek == DayOfWeek.Thursday,
        DayKind.Friday => Date.DayOfWeek == DayOfWeek.Friday,
        DayKind.Saturday => Date.DayOfWeek == DayOfWeek.Saturday,
        DayKind.Sunday => Date.DayOfWeek == DayOfWeek.Sunday,
        DayKind.Weekday => !IsWeekend,
        DayKind.Weekend => IsWeekend,
        DayKind.PublicHoliday => IsPublicHoliday,
        DayKind.DayOff => IsDayOff,
        DayKind.WorkingDay => !IsDayOff,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown day kind."),
    };
}
