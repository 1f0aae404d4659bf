using System.Buffers;
using Han.Readings;

namespace Han.Pipeline.Diagnosis;

/// <summary>
/// Watches an input (a file, stdin, and later a live serial line: bytes are handed over as they
/// arrive) through the normal decoder and tells what it is and what is wrong with it. Keeps the first
/// <see cref="MaxCapture"/> bytes for a bug report.
/// </summary>
public sealed class Diagnoser : IDisposable
{
    /// <summary>How much of the input is kept for the bug-report bundle.</summary>
    public const int MaxCapture = 4 * 1024 * 1024;

    private readonly DecoderOptions _options;
    private readonly DiagnosisObserver _seen = new();
    private readonly ByteProfile _profile = new();
    private readonly StreamDecoder _decoder;
    private readonly ArrayBufferWriter<byte> _capture = new();

    /// <param name="options">Market and keys, as for decoding.</param>
    /// <param name="also">Another observer that sees everything the decoder reports (e.g. a JSON writer for the bundle).</param>
    public Diagnoser(DecoderOptions options, DecodeObserver? also = null)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        DecodeObserver observer = also is null ? _seen : new FanOutObserver(_seen, also);
        _decoder = new StreamDecoder(observer, options);
    }

    /// <summary>How many bytes have arrived.</summary>
    public long InputBytes => _profile.Total;

    /// <summary>The decoder's running totals (for a live watch's progress).</summary>
    public DecodeCounters Counters => _decoder.Counters;

    /// <summary>The start of the input, as received (at most <see cref="MaxCapture"/> bytes).</summary>
    public ReadOnlyMemory<byte> Capture => _capture.WrittenMemory;

    /// <summary>Bytes as they arrive.</summary>
    public void Add(ReadOnlySpan<byte> bytes, DateTimeOffset? receivedAt = null)
    {
        _profile.Add(bytes);
        _capture.Write(bytes[..Math.Min(bytes.Length, MaxCapture - _capture.WrittenCount)]);
        _decoder.Add(bytes, receivedAt);
    }

    /// <summary>A live source lost its line and has it back: the bytes before do not continue (<see cref="StreamDecoder.Break"/>).</summary>
    public void Break() => _decoder.Break();

    /// <summary>The bytes since the last call were one whole message (an MQTT payload; <see cref="StreamDecoder.EndMessage"/>).</summary>
    public void EndMessage() => _decoder.EndMessage();

    /// <summary>Reads a whole stream through <see cref="Add"/>.</summary>
    public async Task AddAsync(Stream input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var buffer = new byte[64 * 1024];
        int read;
        while ((read = await input.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            // A local file's reads finish at once and may never look at the token: look here.
            cancellationToken.ThrowIfCancellationRequested();
            Add(buffer.AsSpan(0, read));
        }
    }

    /// <summary>The input has ended (or the watch is over): the findings.</summary>
    public Diagnosis Complete()
    {
        _decoder.End();
        // Decoding the capture again with bit 7 cleared is only worth it when nothing was found at all.
        var sevenBitTelegrams = DiagnosisRules.NothingFound(_seen, _decoder.Counters) ? CountSevenBitTelegrams(_capture.WrittenSpan) : 0;
        var facts = new DiagnosisFacts(_decoder.Kind, _decoder.Counters, _seen, _profile, _decoder.UnverifiedFrames, sevenBitTelegrams, LoneMessage.StartsLikeOne(_capture.WrittenSpan));
        return new Diagnosis(facts, DiagnosisRules.Findings(facts));
    }

    public void Dispose() => _decoder.Dispose();

    /// <summary>
    /// P1 telegrams sent with 7 data bits and even parity but read as 8N1 carry the parity in bit 7:
    /// with bit 7 cleared they decode. Returns how many telegrams that gives.
    /// </summary>
    private static long CountSevenBitTelegrams(ReadOnlySpan<byte> capture)
    {
        if (capture.IsEmpty)
        {
            return 0;
        }

        var stripped = new byte[capture.Length];
        for (var i = 0; i < capture.Length; i++)
        {
            stripped[i] = (byte)(capture[i] & 0x7F);
        }

        var observer = new DiagnosisObserver();
        using var decoder = new StreamDecoder(observer, DecoderOptions.Default);
        decoder.Decode(stripped);
        return decoder.Kind == InputKind.P1Stream ? observer.Telegrams : 0;
    }
}
