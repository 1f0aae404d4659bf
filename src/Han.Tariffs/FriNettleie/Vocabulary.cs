using Han.Pricing;

namespace Han.Tariffs.FriNettleie;

/// <summary>
/// fri-nettleie's words (tariff.cue: <c>#Dag</c>, <c>#Måned</c>, <c>#Kundegrupper</c>, <c>#Fastledd.metode</c>)
/// and what they are in the cost engine's tariff model, in the schema's order so that messages list
/// them as the schema does.
/// </summary>
internal static class Vocabulary
{
    public static readonly IReadOnlyList<KeyValuePair<string, DayKind>> Days =
    [
        new("mandag", DayKind.Monday),
        new("tirsdag", DayKind.Tuesday),
        new("onsdag", DayKind.Wednesday),
        new("torsdag", DayKind.Thursday),
        new("fredag", DayKind.Friday),
        new("lørdag", DayKind.Saturday),
        new("søndag", DayKind.Sunday),
        new("ukedag", DayKind.Weekday),
        new("helg", DayKind.Weekend),
        new("helligdager", DayKind.PublicHoliday),
        new("fridag", DayKind.DayOff),
        new("virkedag", DayKind.WorkingDay),
        new("alle", DayKind.All),
    ];

    /// <summary>The months in order: "januar" is month 1.</summary>
    public static readonly IReadOnlyList<string> Months =
        ["januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "desember"];

    /// <summary>The customer groups han reads; <c>liten_næring</c> is known but left out (issue 11: households and holiday homes).</summary>
    public static readonly IReadOnlyList<KeyValuePair<string, CustomerGroup?>> CustomerGroups =
    [
        new("husholdning", CustomerGroup.Household),
        new("fritid", CustomerGroup.HolidayHome),
        new("liten_næring", null),
    ];

    /// <summary>
    /// The capacity methods the model can hold. <c>UKJENT</c> ("not known") is left out on purpose: no
    /// step can be computed from it, so a tariff with it is refused when read.
    /// </summary>
    public static readonly IReadOnlyList<KeyValuePair<string, CapacityMethod>> CapacityMethods =
    [
        new("TRE_DØGNMAX_MND", CapacityMethod.ThreeDailyMaximaOfMonth),
        new("MND_MAX", CapacityMethod.MonthlyMaximum),
        new("FEM_VEKTET_ÅR", CapacityMethod.FiveWeightedWeeklyMaximaOfYear),
        new("OV_TREFASE", CapacityMethod.MainFuseThreePhase),
    ];

    /// <summary>The value for a word, or an error listing every valid word.</summary>
    public static T Lookup<T>(FriNode node, IReadOnlyList<KeyValuePair<string, T>> words, string what)
    {
        var written = node.Text(what);
        foreach (var (word, value) in words)
        {
            if (word == written)
            {
                return value;
            }
        }

        throw node.Invalid($"is not a {what} of fri-nettleie's format; valid: {string.Join(", ", words.Select(w => w.Key))}");
    }

    /// <summary>The month number (1-12) of a month's name.</summary>
    public static int Month(FriNode node)
    {
        var written = node.Text("a month");
        for (var i = 0; i < Months.Count; i++)
        {
            if (Months[i] == written)
            {
                return i + 1;
            }
        }

        throw node.Invalid($"is not a month of fri-nettleie's format; valid: {string.Join(", ", Months)}");
    }
}
