namespace Han.Sources.HexText;

/// <summary>
/// Decides from the first characters of a text which form of hex it is written in, by reading them in
/// that form: a dump (<see cref="IsDump"/>), a C array when a byte is written <c>0x..</c>, plain hex
/// text otherwise. The trial goes on past errors and counts them: hex with a typo here and there is
/// read (the typo is reported where it stands when the stream gets there), while text with no hex in
/// it is refused at once with its first character that is not hex. Dumps of words are refused, with
/// offsets or without (<see cref="WordDump"/>), since read as bytes they would swap them.
/// </summary>
internal static class HexFormDetector
{
    /// <summary>
    /// Bytes a trial must read for each error for the text to count as hex with typos, not as prose: a
    /// line of 8 bytes with one typo is hex, while in prose most words are errors and few read as bytes.
    /// </summary>
    private const int BytesPerError = 2;

    /// <summary>A dump's '*' can stand for many bytes; a trial reads no more than this.</summary>
    private const int TrialBytes = 64 * 1024;

    /// <summary>
    /// A fresh reader for the form <paramref name="sample"/> is written in. Throws
    /// <see cref="InvalidDataException"/> when the sample is text but not hex, or a dump han must not read.
    /// </summary>
    public static HexFormReader Detect(ReadOnlySpan<char> sample, bool isWholeInput)
    {
        var header = ColumnHeader.Find(sample);
        var dump = new HexDumpReader(header);
        Trial(dump, sample, isWholeInput);
        if (dump.Refused)
        {
            throw dump.FirstError!.ToException(dump.Name);
        }

        if (IsDump(dump, header))
        {
            return Verdict(dump, () => new HexDumpReader(header));
        }

        if (HasPrefixedByte(sample))
        {
            var array = new CArrayReader();
            Trial(array, sample, isWholeInput);
            return Verdict(array, () => new CArrayReader());
        }

        var plain = new PlainHexReader();
        Trial(plain, sample, isWholeInput);
        var reader = Verdict(plain, () => new PlainHexReader());
        return plain.Groups.WordDigits is var digits and > 0
            ? throw new HexFormError(plain.Groups.First, WordDump.OfBareGroups(digits)).ToException(plain.Name)
            : reader;
    }

    /// <summary>
    /// True when the trial read a dump: its first line with bytes read whole as a dump line and showed it
    /// is one (xxd's ':', a character column, Format-Hex's header, or, with none of these, the next line's
    /// offset following from its bytes before anything went wrong), and later offsets followed at least as
    /// often as lines failed, or it stands under Format-Hex's header, which only a dump has (a dump of
    /// two lines with the second lost has no offset that followed). Hex in pairs is never taken for a
    /// dump (an offset has 4 digits or more), and groups of 4 or more whose next line happens to start
    /// one line's bytes further on fail the lines after.
    /// </summary>
    private static bool IsDump(HexDumpReader dump, ColumnHeader header) =>
        dump.FirstDataLine > 0
        && (dump.FirstError?.Position.Line ?? long.MaxValue) > dump.FirstDataLine
        && (dump.HasDumpMarks || dump.OffsetsConfirmed)
        && (header != ColumnHeader.None || dump.ErrorCount <= dump.Confirmations);

    /// <summary>Reads the sample in one form, past every error.</summary>
    private static void Trial(HexFormReader reader, ReadOnlySpan<char> sample, bool isWholeInput)
    {
        Span<byte> scratch = stackalloc byte[256];
        long bytes = 0;
        while (bytes < TrialBytes)
        {
            var read = reader.Decode(sample, scratch, out var written);
            sample = sample[read..];
            bytes += written;
            if (reader.Error is not null)
            {
                reader.Recover();
            }
            else if (sample.IsEmpty && written < scratch.Length)
            {
                break;
            }
        }

        while (isWholeInput && !reader.IsFinished && bytes < TrialBytes)
        {
            bytes += reader.Finish(scratch);
            reader.Recover();
        }
    }
    /// <summary>
    /// A fresh reader of the form for the whole input (the trial's has read the sample), or the refusal of
    /// text. The bytes counted are those the digits make, given out or not: a run whose digits do not pair
    /// up is hex with a digit missing, not text.
    /// </summary>
    private static HexFormReader Verdict(HexFormReader trial, Func<HexFormReader> create) =>
        trial.ErrorCount * BytesPerError <= trial.BytesMade
            ? create()
            : throw new InvalidDataException($"this looks like text, not hex, because {trial.FirstError!.Position}: {trial.FirstError.Detail}");

    /// <summary>True when a word starts with 0x and a hex digit, as bytes in C are written.</summary>
    private static bool HasPrefixedByte(ReadOnlySpan<char> sample)
    {
        for (var i = 1; i + 1 < sample.Length; i++)
        {
            if (sample[i] is 'x' or 'X' && sample[i - 1] == '0' && (i == 1 || !char.IsAsciiLetterOrDigit(sample[i - 2])) && HexRun.NibbleOf(sample[i + 1]) >= 0)
            {
                return true;
            }
        }

        return false;
    }
}
