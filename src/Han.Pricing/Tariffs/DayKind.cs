namespace Han.Pricing;

/// <summary>
/// The days an energy price applies on (fri-nettleie's <c>dager</c>, tariff.cue <c>#Dag</c>). A working
/// day is neither a weekend nor a public holiday.
/// </summary>
public enum DayKind
{
    /// <summary><c>alle</c>.</summary>
    All,
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
    Saturday,
    Sunday,

    /// <summary><c>ukedag</c>: Monday to Friday, holidays included.</summary>
    Weekday,

    /// <summary><c>helg</c>: Saturday and Sunday.</summary>
    Weekend,

    /// <summary><c>helligdager</c>: public holidays.</summary>
    PublicHoliday,

    /// <summary><c>fridag</c>: weekend or public holiday.</summary>
    DayOff,

    /// <summary><c>virkedag</c>: not a day off.</summary>
    WorkingDay,
}
