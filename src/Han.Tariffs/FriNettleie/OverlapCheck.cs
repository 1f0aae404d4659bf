using Han.Pricing;

namespace Han.Tariffs.FriNettleie;

/// <summary>
/// Refuses two tariffs for the same customer group on the same day. fri-nettleie has such files for
/// companies with a tariff per area (tariff-eksempel.yml: Linja, Noranett); the engine takes the first that
/// applies, which would silently be the wrong one for half of the customers.
/// </summary>
internal static class OverlapCheck
{
    public static void Refuse(IReadOnlyList<TariffEntry> entries)
    {
        for (var i = 0; i < entries.Count; i++)
        {
            for (var j = i + 1; j < entries.Count; j++)
            {
                var (a, b) = (entries[i].Period, entries[j].Period);
                var shared = a.CustomerGroups.Intersect(b.CustomerGroups).ToList();
                var start = a.ValidFrom > b.ValidFrom ? a.ValidFrom : b.ValidFrom;
                if (shared.Count > 0 && a.IsValidOn(start) && b.IsValidOn(start))
                {
                    throw entries[j].Node.Invalid(
                        $"applies on {start:yyyy-MM-dd} to {Word(shared[0])}, as {entries[i].Describe()} does; han cannot tell which is yours. Keep only your area's tariffs in your own copy of the file, or give the earlier tariff a gyldig_til");
                }
            }
        }
    }

    private static string Word(CustomerGroup group) =>
        Vocabulary.CustomerGroups.First(g => g.Value == group).Key;
}
