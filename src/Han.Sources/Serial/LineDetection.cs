using Han.Pipeline;

namespace Han.Sources.Serial;

/// <summary>The outcome of line-setting detection: the setting found (if any), how sure it is, and what every setting tried showed.</summary>
/// <param name="Settings">The setting to read the meter with; null when none was found.</param>
/// <param name="Kind">The format the meter sends at that setting.</param>
/// <param name="Candidates">Every setting tried, in the order tried.</param>
public sealed record LineDetection(
    LineSettings? Settings,
    LineDetectionCertainty Certainty,
    InputKind Kind,
    IReadOnlyList<CandidateObservation> Candidates)
{
    /// <summary>What was found, in a sentence a user can act on.</summary>
    public string Describe() => Certainty switch
    {
        LineDetectionCertainty.Confirmed =>
            $"{Settings}: {FramesOf(Kind)} with good checksums, and the port flagged no parity or framing errors.",
        LineDetectionCertainty.Readable when Candidates.Any(c => c.Verdict == CandidateVerdict.LineErrors && c.Settings == Settings) =>
            $"{Settings}: {FramesOf(Kind)} with good checksums, but the port flags parity or framing errors at every setting tried; "
            + "the meter's own setting may not be among them.",
        LineDetectionCertainty.Readable =>
            $"{Settings}: {FramesOf(Kind)} with good checksums. This port does not report parity or framing errors, so a setting "
            + "of the same speed that differs only in its parity bit may deliver the same bytes; han reads the meter correctly either way.",
        LineDetectionCertainty.Unreliable =>
            $"{Settings} is the best setting found, but many of its frames fail their checksums: a noisy line, or a setting not tried.",
        _ when Candidates.All(c => c.Verdict == CandidateVerdict.Silent) =>
            "Nothing arrived at any setting: is the meter's HAN port enabled (the grid company opens it) and the adapter connected to it?",
        _ =>
            "Bytes arrived, but no setting gave a frame or telegram with a good checksum (a P1 port needs its signal inverted; see docs/serial.md).",
    };

    private static string FramesOf(InputKind kind) => kind switch
    {
        InputKind.MBusStream => "M-Bus frames",
        InputKind.P1Stream => "P1 telegrams",
        _ => "HDLC frames",
    };
}
