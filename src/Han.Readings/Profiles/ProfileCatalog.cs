using Han.Readings.Lists;

namespace Han.Readings.Profiles;

/// <summary>Every known profile, in the order they are tried.</summary>
public static class ProfileCatalog
{
    public static IReadOnlyList<MeterProfile> All { get; } =
        [Aidon.Profile, Kaifa.Profile, Kamstrup.Profile, LandisGyr.Profile, Iskraemeco.Profile, Sagemcom.Profile, Zpa.Profile];

    /// <summary>
    /// The markets some vendor has rules of its own for (Kamstrup energy in Wh in SE), besides the
    /// defaults every other market reads (the Norwegian lists the profiles were first written for).
    /// </summary>
    public static IReadOnlyList<string> MarketsWithOwnRules { get; } =
        [.. All.SelectMany(profile => profile.ScalingByCountry.Keys).Distinct().Order(StringComparer.Ordinal)];

    /// <summary>The profile whose list id prefix matches, or null.</summary>
    public static MeterProfile? ForListId(string listId) => All.FirstOrDefault(profile => profile.ClaimsListId(listId));

    /// <summary>The profile whose system-title manufacturer id matches, or null.</summary>
    public static MeterProfile? ForSystemTitle(string manufacturerId)
    {
        foreach (var profile in All)
        {
            if (profile.ClaimsSystemTitle(manufacturerId))
            {
                return profile;
            }
        }

        return null;
    }

    /// <summary>The first profile with a positional layout the list matches value by value, or null.</summary>
    public static MeterProfile? ForPositionalList(PushListReader list)
    {
        foreach (var profile in All)
        {
            if (profile.MatchingLayout(list) is not null)
            {
                return profile;
            }
        }

        return null;
    }

    /// <summary>The profile of meters that send self-described lists, or null.</summary>
    public static MeterProfile? ForSelfDescribedList() => All.FirstOrDefault(profile => profile.SendsSelfDescribedLists);
}
