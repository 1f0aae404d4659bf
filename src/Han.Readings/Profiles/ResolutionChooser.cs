using Han.Protocol;
using Han.Protocol.Cosem;

namespace Han.Readings.Profiles;

/// <summary>
/// Chooses, for the values a list sent without scaler_unit, among the resolutions their profile
/// documents (<see cref="MeterProfile.AlternativeScalers"/>): when the reading at the vendor's usual
/// resolutions is not <see cref="PhysicalConsistency">physically consistent</see>, the consistent
/// combination that changes the fewest quantities wins (in the profile's order); when none is, the
/// usual resolutions stay and a remark on the reading says so. One rule for every quantity and every
/// vendor, instead of a special case each (issue 12).
/// </summary>
internal static class ResolutionChooser
{
    /// <summary>
    /// Re-reads the <paramref name="guessed"/> fields (a bit per <see cref="ReadingField"/>) of
    /// <paramref name="reading"/> at the resolutions that make it consistent. <paramref name="usual"/>
    /// holds the implicit scaling per <see cref="Quantity"/> the fields were read at.
    /// </summary>
    public static void Choose(MeterReading reading, ulong guessed, MeterProfile profile, ReadOnlySpan<ScalerUnit?> usual)
    {
        if (PhysicalConsistency.FirstInconsistency(reading) is not { } problem)
        {
            return;
        }

        // The quantities among the guessed fields that have other documented resolutions.
        Span<int> quantities = stackalloc int[usual.Length];
        var quantityCount = 0;
        var combinations = 1;
        foreach (var quantity in Enum.GetValues<Quantity>())
        {
            if (HasGuessedField(guessed, quantity) && profile.AlternativeScalers.TryGetValue(quantity, out var others) && others.Length > 0)
            {
                quantities[quantityCount++] = (int)quantity;
                combinations *= others.Length + 1;
            }
        }

        Span<Measurement> original = stackalloc Measurement[ReadingFieldInfo.Count];
        for (var field = 0; field < ReadingFieldInfo.Count; field++)
        {
            reading.TryGet((ReadingField)field, out original[field]);
        }

        Span<int> choice = stackalloc int[quantityCount];
        for (var changes = 1; changes <= quantityCount; changes++)
        {
            for (var combination = 1; combination < combinations; combination++)
            {
                if (Decompose(combination, quantities[..quantityCount], profile, choice) != changes)
                {
                    continue;
                }

                Apply(reading, guessed, original, quantities[..quantityCount], choice, profile, usual);
                if (PhysicalConsistency.IsConsistent(reading))
                {
                    return;
                }
            }
        }

        choice.Clear();
        Apply(reading, guessed, original, quantities[..quantityCount], choice, profile, usual);
        reading.AddRemark(new ReadingRemark(
            DecodeError.ImplausibleValues,
            $"{problem}, and no resolution documented for {profile.Name} makes the values consistent; they are kept at the usual resolution"));
    }

    private static bool HasGuessedField(ulong guessed, Quantity quantity)
    {
        for (var field = 0; field < ReadingFieldInfo.Count; field++)
        {
            if ((guessed & (1UL << field)) != 0 && ReadingFieldInfo.Of((ReadingField)field).Quantity == quantity)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The combination's choice per quantity (0 = usual, n = n-th alternative); returns how many are not usual.</summary>
    private static int Decompose(int combination, ReadOnlySpan<int> quantities, MeterProfile profile, Span<int> choice)
    {
        var changes = 0;
        for (var i = 0; i < quantities.Length; i++)
        {
            var radix = profile.AlternativeScalers[(Quantity)quantities[i]].Length + 1;
            choice[i] = combination % radix;
            combination /= radix;
            changes += choice[i] == 0 ? 0 : 1;
        }

        return changes;
    }

    private static void Apply(
        MeterReading reading,
        ulong guessed,
        ReadOnlySpan<Measurement> original,
        ReadOnlySpan<int> quantities,
        ReadOnlySpan<int> choice,
        MeterProfile profile,
        ReadOnlySpan<ScalerUnit?> usual)
    {
        for (var i = 0; i < quantities.Length; i++)
        {
            var quantity = (Quantity)quantities[i];
            var shift = choice[i] == 0 ? 0 : profile.AlternativeScalers[quantity][choice[i] - 1] - (usual[quantities[i]]?.Scaler ?? 0);
            for (var field = 0; field < ReadingFieldInfo.Count; field++)
            {
                if ((guessed & (1UL << field)) != 0 && ReadingFieldInfo.Of((ReadingField)field).Quantity == quantity)
                {
                    reading.Set((ReadingField)field, original[field] with { Exponent = original[field].Exponent + shift });
                }
            }
        }
    }
}
