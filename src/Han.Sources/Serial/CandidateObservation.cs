using System.Globalization;
using Han.Pipeline;

namespace Han.Sources.Serial;

/// <summary>What listening at one candidate setting showed (for <c>han diagnose</c> to report).</summary>
/// <param name="Bytes">Bytes the port delivered.</param>
/// <param name="LineErrors">Characters the UART flagged with a parity or framing error or a break; null when the port cannot tell.</param>
/// <param name="GoodFrames">Frames and telegrams with good checksums.</param>
/// <param name="BadFrames">Frames that failed their checksum or framing after the first good one.</param>
/// <param name="CheckBits">Bits of checksum and framing the good frames passed (32 for one whole frame).</param>
/// <param name="Kind">The format of the good frames (<see cref="InputKind.Unknown"/> without any).</param>
/// <param name="StoppedEarly">True when the verdict was clear before the listening window ended.</param>
public sealed record CandidateObservation(
    LineSettingsCandidate Candidate,
    long Bytes,
    long? LineErrors,
    int GoodFrames,
    int BadFrames,
    int CheckBits,
    InputKind Kind,
    CandidateVerdict Verdict,
    bool StoppedEarly)
{
    public LineSettings Settings => Candidate.Settings;

    /// <summary>One line: <c>2400 8N1: 2,530 bytes, no frame with a good checksum</c>.</summary>
    public override string ToString()
    {
        var errors = LineErrors is { } count ? string.Create(CultureInfo.InvariantCulture, $", {count:N0} flagged by the UART") : string.Empty;
        var found = Verdict switch
        {
            CandidateVerdict.Silent => "nothing arrived",
            CandidateVerdict.Noise => "no frame with a good checksum",
            CandidateVerdict.TooLittle => string.Create(CultureInfo.InvariantCulture, $"{GoodFrames} good frame(s), too little checking to be sure"),
            CandidateVerdict.Damaged => string.Create(CultureInfo.InvariantCulture, $"{GoodFrames} good and {BadFrames} damaged frames"),
            CandidateVerdict.LineErrors => string.Create(CultureInfo.InvariantCulture, $"{GoodFrames} good frame(s), but the UART flags errors"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{GoodFrames} good frame(s)"),
        };
        return string.Create(CultureInfo.InvariantCulture, $"{Settings}: {Bytes:N0} bytes{errors}, {found}");
    }
}
