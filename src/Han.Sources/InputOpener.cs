using System.Text;
using Han.Sources.Captures;
using Han.Sources.HexText;

namespace Han.Sources;

/// <summary>
/// Opens a file or stdin and works out from its first bytes what it holds: a han capture (its first line
/// says so), raw bytes (a binary capture, or DSMR P1 telegrams, which are text the decoder reads as it is)
/// or hex text in one of the forms people paste (plain, separated, C array, hexdump/xxd/od dump; UTF-8 or
/// UTF-16). Text that is none of these is refused with the reason, rather than decoded as binary to no effect.
/// </summary>
public static class InputOpener
{
    /// <summary>How many leading bytes decide what the input is.</summary>
    public const int SampleLength = 4096;

    /// <summary>
    /// The bytes <paramref name="raw"/> holds: as they are, decoded from hex text, or a han capture's pieces
    /// (a <see cref="CaptureStream"/>, which also gives each piece with its receive time). Throws
    /// <see cref="InvalidDataException"/> (with the line and column of the first character that is not
    /// hex) when the input is text but not hex, and for dumps that cannot be read right. Takes
    /// <paramref name="raw"/> over: it is closed when this fails, and with the returned stream otherwise.
    /// </summary>
    public static async Task<Stream> OpenAsync(Stream raw, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(raw);
        try
        {
            return await RecogniseAsync(raw, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // The stream was handed over: whatever stops here closes it.
            await raw.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static async Task<Stream> RecogniseAsync(Stream raw, CancellationToken cancellationToken)
    {
        var sample = new byte[SampleLength];
        var length = 0;
        var isWholeInput = false;
        while (length < sample.Length && !isWholeInput)
        {
            var read = await raw.ReadAsync(sample.AsMemory(length), cancellationToken).ConfigureAwait(false);
            length += read;
            isWholeInput = read == 0;
        }

        var bytes = sample.AsSpan(0, length);
        if (CaptureFormat.IsCapture(bytes))
        {
            return new CaptureStream(new PrefixedStream(sample.AsMemory(0, length), raw));
        }

        var encoding = TextEncodingSniffer.Detect(bytes, out var preambleLength);
        // P1 telegrams are ASCII; a gateway's filler bytes (FF) after one leave it single-byte text.
        if (encoding is null || ((encoding is UTF8Encoding || encoding.IsSingleByte) && P1Sample.HasDataLine(bytes)))
        {
            return new PrefixedStream(sample.AsMemory(0, length), raw);
        }

        var reader = HexFormDetector.Detect(Decode(bytes[preambleLength..], encoding, isWholeInput), isWholeInput);

        // The byte-order mark is left out here, and the encoding has none of its own for the reader to
        // skip: any further mark before the first character is skipped by the hex reader, as in the trial.
        var text = new PrefixedStream(sample.AsMemory(preambleLength, length - preambleLength), raw);
        return new HexTextStream(new StreamReader(text, encoding, detectEncodingFromByteOrderMarks: false, bufferSize: 16 * 1024), reader);
    }

    private static char[] Decode(ReadOnlySpan<byte> sample, Encoding encoding, bool isWholeInput)
    {
        // A decoder keeps a character cut by the sample's end for later instead of calling it invalid.
        var decoder = encoding.GetDecoder();
        var chars = new char[encoding.GetMaxCharCount(sample.Length)];
        return chars[..decoder.GetChars(sample, chars, flush: isWholeInput)];
    }
}
