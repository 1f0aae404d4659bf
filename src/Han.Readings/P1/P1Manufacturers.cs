using System.Text;

namespace Han.Readings.P1;

/// <summary>
/// Manufacturer names for the three-letter FLAG id that opens a P1 identification line (IEC 62056-21;
/// DLMS UA registers one id per company, in any letter case). Some meters carry their grid operator's id
/// instead (<c>/FLU5\253769484_A</c> from Fluvius, <c>/EST5\253710000_A</c> from Energienetze Steiermark,
/// both Sagemcom meters in the corpus; <c>/ELL5\253833635_A</c> from Sweden looks the same): those name no
/// manufacturer and are left out, as is any id not listed.
/// </summary>
public static class P1Manufacturers
{
    private static readonly (string FlagId, string Name)[] Table =
    [
        ("ISK", "Iskraemeco"),
        ("KFM", "Kaifa"),
        ("KAM", "Kamstrup"),
        ("LGF", "Landis+Gyr"),
        ("LGZ", "Landis+Gyr"),
        ("SAG", "Sagemcom"),
        ("ADN", "Aidon"),
        ("NES", "NES"),
        ("EGM", "Elgama"),
        ("ESY", "EasyMeter"),
    ];

    /// <summary><see cref="Table"/>'s ids as <see cref="KeyOf"/> keys, in the same order.</summary>
    private static readonly int[] Keys = Array.ConvertAll(Table, row => KeyOf(Encoding.ASCII.GetBytes(row.FlagId)));

    /// <summary>The manufacturer of a FLAG id, or null when the id is not a known manufacturer's.</summary>
    public static string? NameOf(ReadOnlySpan<byte> flagId)
    {
        // Every id in the table has three letters: one packed key compares all three at once.
        var index = flagId.Length == 3 ? Array.IndexOf(Keys, KeyOf(flagId)) : -1;
        return index >= 0 ? Table[index].Name : null;
    }

    /// <summary>Three bytes with ASCII letters in lower case (as <see cref="Ascii.EqualsIgnoreCase(ReadOnlySpan{byte}, string)"/> compares them).</summary>
    private static int KeyOf(ReadOnlySpan<byte> flagId)
    {
        var key = 0;
        foreach (var b in flagId)
        {
            key = (key << 8) | (b is >= (byte)'A' and <= (byte)'Z' ? b | 0x20 : b);
        }

        return key;
    }
}
