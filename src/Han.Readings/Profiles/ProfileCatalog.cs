namespace Han.Readings.Profiles;

/// <summary>Every known profile, in the order they are tried.</summary>
public static class ProfileCatalog
{
    public static IReadOnlyList<MeterProfile> All { get; } =
        [Aidon.Profile, Kaifa.Profile, Kamstrup.Profile, LandisGyr.Profile];

    /// <summary>The profile whose list id prefix matches, or null.</summary>
    public static MeterProfile? ForListId(string listId)
    {
        foreach (var profile in All)
        {
            if (profile.ClaimsListId(listId))
            {
                return profile;
            }
        }

        return null;
    }
}
