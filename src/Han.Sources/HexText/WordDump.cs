namespace Han.Sources.HexText;

/// <summary>
/// Dumps of 16-, 32- or 64-bit words (plain <c>hexdump</c>, <c>od -x</c>, <c>od -t x4</c>/<c>x8</c>,
/// <c>xxd -e</c>, <c>hexdump -e '"%04x"'</c>) print each word as a number in the machine's byte order:
/// on the little-endian machines everyone uses, each word's bytes come out swapped. Read as bytes they
/// would decode to other bytes with no error, so they are refused, with the command to use instead.
/// Their groups have 4, 8 or 16 digits; a dump of bytes has groups of 2, or groups of any size whose
/// character column shows the bytes in the digits' order (xxd).
/// </summary>
internal static class WordDump
{
    private const string Instead = "make the dump with 'hexdump -C' or 'xxd' (or bare hex with 'xxd -p') instead";

    /// <summary>True for the digits of a word: 4, 8 or 16.</summary>
    public static bool IsWordWidth(long digits) => digits is 4 or 8 or 16;

    /// <summary>Why a dump whose groups of digits are words is refused.</summary>
    public static string OfGroups(long digits) =>
        $"groups of {digits} hex digits: this is a dump of {Words(digits)}, which shows the bytes of each word swapped; {Instead}";

    /// <summary>Why a dump whose character column shows each group's bytes reversed is refused.</summary>
    public static string OfColumn() =>
        $"the character column shows this line's bytes in another order than its digits: each group is a little-endian word (xxd -e), whose bytes are swapped; {Instead}";

    /// <summary>Why text whose every group is a word, with no offsets or column to tell their order, is refused.</summary>
    public static string OfBareGroups(long digits) =>
        $"every group of digits here holds {digits}, as dumps of {Words(digits)} without offsets print them (od -An -x, hexdump -e '\"%04x\"'), each word's bytes swapped; han cannot tell whether these are. Make the text with 'xxd -p' or 'od -An -t x1', or, if the digits are in byte order, put a space between the bytes";

    private static string Words(long digits) => digits switch
    {
        4 => "16-bit words (plain hexdump, od -x)",
        8 => "32-bit words (od -t x4)",
        _ => "64-bit words (od -t x8)",
    };
}
