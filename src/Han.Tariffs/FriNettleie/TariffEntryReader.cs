using Han.Pricing;

namespace Han.Tariffs.FriNettleie;

/// <summary>One entry of fri-nettleie's <c>tariffer</c> (tariff.cue <c>#Tariff</c>) as a <see cref="GridTariffPeriod"/>.</summary>
internal static class TariffEntryReader
{
    private const string Date = "a date written as YYYY-MM-DD, e.g. 2026-07-01";

    private static string Groups => string.Join(", ", Vocabulary.CustomerGroups.Select(g => g.Key));

    /// <summary>
    /// The entry, or null when it is only for customer groups han does not cost (<c>liten_næring</c>):
    /// those are skipped whole, so a business tariff han would not use cannot make a household's file fail.
    /// </summary>
    public static GridTariffPeriod? Read(FriNode tariff)
    {
        tariff.AllowOnly("gyldig_fra", "gyldig_til", "navn", "kundegrupper", "energiledd", "fastledd");
        var groups = tariff.Required("kundegrupper", $"a list of customer groups ({Groups})")
            .Items(Groups)
            .Select(g => Vocabulary.Lookup(g, Vocabulary.CustomerGroups, "customer group"))
            .ToList();
        if (groups.Count == 0)
        {
            throw tariff.Missing("kundegrupper", $"at least one customer group ({Groups})");
        }

        var costed = groups.OfType<CustomerGroup>().Distinct().ToList();
        if (costed.Count == 0)
        {
            return null;
        }

        // The tariff's own navn (e.g. "Nord") only tells tariffs of one company apart; overlapping ones
        // are refused by the caller, so it carries no price and the model has no place for it.
        var from = tariff.Required("gyldig_fra", $"the first day the tariff applies, {Date}").Date(Date);
        var toNode = tariff.Optional("gyldig_til");
        var to = toNode?.Date($"the day after the last day the tariff applies (excluded), {Date}, or left out while in force");
        if (to <= from)
        {
            throw toNode!.Invalid($"is not after gyldig_fra {from:yyyy-MM-dd}; gyldig_til is the first day the tariff no longer applies (excluded), so it must be later");
        }

        return new GridTariffPeriod(
            from,
            to,
            costed,
            EnergyChargeReader.Read(tariff.Required("energiledd", "grunnpris and optionally unntak")),
            CapacityChargeReader.Read(tariff.Required("fastledd", "metode, terskel_inkludert and terskler")));
    }
}
