using System.Globalization;
using Han.Protocol;

namespace Han.Pipeline.Diagnosis;

/// <summary>
/// What the facts of a diagnosis mean, rule by rule, in plain language with a next step. The serial
/// settings of HAN and P1 ports come from protocol.md §1: M-Bus meters send 2400 baud, Aidon and Kaifa
/// 8E1, Kamstrup 8N1; P1 sends 115200 8N1 (DSMR 4 and 5) or 9600 7E1 (DSMR 2.2 and 3.0).
/// </summary>
public static class DiagnosisRules
{
    /// <summary>Share of frames failing their checks above which the line deserves a look.</summary>
    private const double NoisyLineShare = 0.05;

    /// <summary>Share of wrong-speed-looking bytes (00, FF, F0, ...) above which the baud rate is suspect.</summary>
    private const double WrongSpeedShare = 0.5;

    private static readonly DecodeError[] FrameErrors =
        [DecodeError.BadHcs, DecodeError.BadFcs, DecodeError.MissingClosingFlag, DecodeError.BadChecksum, DecodeError.MissingStopByte, DecodeError.BadCrc, DecodeError.BadLength, DecodeError.BadAddress, DecodeError.TelegramTooLong];

    /// <summary>Errors of data that passed its checksums but does not decode (the key and layout problems have findings of their own).</summary>
    private static readonly DecodeError[] UndecodableErrors =
        [DecodeError.UnexpectedElement, DecodeError.UnknownDataType, DecodeError.LengthOutOfRange, DecodeError.NestingTooDeep, DecodeError.UnexpectedEnd, DecodeError.TrailingBytes, DecodeError.UnsupportedApdu, DecodeError.UnsupportedSecurity, DecodeError.InvalidDateTime, DecodeError.SegmentedApduTooLong];

    public static string Describe(InputKind kind) => kind switch
    {
        InputKind.HdlcStream => "a stream of HDLC frames (DLMS over M-Bus, as in Norway, Sweden and Denmark)",
        InputKind.MBusStream => "a stream of wired M-Bus long frames carrying DLMS (as in Austria and Poland)",
        InputKind.P1Stream => "DSMR P1 text telegrams",
        InputKind.LlcMessage => "one LLC information field (an APDU without HDLC framing)",
        InputKind.ApduMessage => "one bare DLMS APDU",
        _ => "nothing recognisable",
    };

    /// <summary>No frame, telegram or APDU at all: the bytes themselves must tell what is wrong.</summary>
    public static bool NothingFound(DiagnosisObserver seen, DecodeCounters counters)
    {
        ArgumentNullException.ThrowIfNull(seen);
        ArgumentNullException.ThrowIfNull(counters);
        return seen.Frames == 0 && seen.Telegrams == 0 && counters.Apdus == 0;
    }

    public static IReadOnlyList<Finding> Findings(DiagnosisFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var findings = new List<Finding>();
        var seen = facts.Seen;
        if (facts.Counters.Bytes == 0)
        {
            findings.Add(new(FindingLevel.Problem, "No bytes arrived.", "Check that the adapter is connected and that the meter's HAN port is open (Norwegian grid companies open it on request, free of charge)."));
            return findings;
        }

        if (NothingFound(seen, facts.Counters))
        {
            findings.Add(WhyNothingDecodes(facts));
        }
        else
        {
            if (seen.Readings > 0)
            {
                findings.Add(new(FindingLevel.Info, string.Create(CultureInfo.InvariantCulture, $"The input is {Describe(facts.Kind)}; {seen.Readings} readings decode from it.")));
            }

            AddLineQuality(facts, findings);
        }

        AddEncryption(facts, findings);
        AddListProblems(facts, findings);
        if (seen.Readings == 0 && findings.All(finding => finding.Level != FindingLevel.Problem))
        {
            var explained = findings.Any(finding => finding.Level == FindingLevel.Warning);
            findings.Add(new(FindingLevel.Problem, "Frames or APDUs arrive, but none of them decodes to a reading.", explained
                ? "The warnings above say why; if they do not explain it, please send the bug-report bundle to the han project."
                : "Please send the bug-report bundle to the han project."));
        }

        return findings;
    }

    private static Finding WhyNothingDecodes(DiagnosisFacts facts)
    {
        var bytes = facts.Bytes;
        if (facts.SevenBitTelegrams > 0)
        {
            return new(FindingLevel.Problem, string.Create(CultureInfo.InvariantCulture, $"These are DSMR P1 telegrams sent with 7 data bits and even parity, read as 8 data bits: with bit 7 cleared, {facts.SevenBitTelegrams} telegrams decode."), "Set the serial port to 7E1 (DSMR 2.2 and 3.0 meters send 9600 baud 7E1).");
        }

        var badTelegrams = facts.Seen.ProblemCount(DecodeError.BadCrc);
        if (facts.Kind == InputKind.P1Stream && badTelegrams > 0)
        {
            return new(FindingLevel.Problem, string.Create(CultureInfo.InvariantCulture, $"These are DSMR P1 telegrams ({badTelegrams} of them), but not one passes its CRC check: bytes are being lost or changed on the way."), "Check the serial settings (115200 8N1 for DSMR 4 and 5) and the cable. A home-made adapter must invert the P1 data line and pull it up: it is an open-collector, inverted output (DSMR P1 §5.7.2).");
        }

        if (bytes.WrongSpeedShare > WrongSpeedShare)
        {
            return new(FindingLevel.Problem, string.Create(CultureInfo.InvariantCulture, $"{bytes.WrongSpeedShare:P0} of the bytes are 00, FF or similar runs of equal bits: the port is probably reading at the wrong speed."), "HAN (M-Bus) meters send at 2400 baud; P1 ports at 115200 (DSMR 4 and 5) or 9600 (DSMR 2.2 and 3.0).");
        }

        if (LooksLikeDamagedHdlc(bytes))
        {
            return new(FindingLevel.Problem, "The bytes look like HAN frames from a meter (flags 7E and frame header bytes are there), but no frame passes its checks: bytes are being lost or changed on the line. This is what a wrong parity setting does.", "Try the other parity: Aidon and Kaifa send 2400 baud 8E1, Kamstrup 2400 baud 8N1. If neither works, check the adapter and its cable.");
        }

        if (facts.StartsLikeMessage)
        {
            // Decoded as noise (no frame, and not one whole message), but a bridge that forwards messages cut short deserves a better hint.
            return new(FindingLevel.Problem, string.Create(CultureInfo.InvariantCulture, $"No frame was found in {facts.Counters.Bytes} bytes. They start like a lone DLMS message (an APDU without HDLC or M-Bus framing, as MQTT bridges forward them), but they do not form one whole message han can read: one cut short, one followed by other bytes, or noise that happens to start that way."), "If a bridge forwards these messages, check that it sends each one whole and nothing else; otherwise check that this is the meter's HAN or P1 port at the right speed, and send the bug-report bundle to the han project.");
        }

        return new(FindingLevel.Problem, string.Create(CultureInfo.InvariantCulture, $"No frame, telegram or APDU was found in {facts.Counters.Bytes} bytes."), "Check that this is the output of the meter's HAN or P1 port, at the right speed (2400 baud for M-Bus HAN, 115200 for P1), and send the bug-report bundle to the han project.");
    }

    /// <summary>Flags at both ends and the bytes every HAN push carries (LLC E6, data-notification 0F, UI control 13), with no good frame.</summary>
    private static bool LooksLikeDamagedHdlc(ByteProfile bytes) =>
        bytes.Count(0x7E) >= 2 && (bytes.Count(0xE6) > 0 ? 1 : 0) + (bytes.Count(0x0F) > 0 ? 1 : 0) + (bytes.Count(0x13) > 0 ? 1 : 0) >= 2;

    private static void AddLineQuality(DiagnosisFacts facts, List<Finding> findings)
    {
        var seen = facts.Seen;
        var rejected = FrameErrors.Sum(seen.ProblemCount);
        var good = facts.Counters.Framing.Frames;
        if (rejected > 0 && (double)rejected / (rejected + good) > NoisyLineShare)
        {
            findings.Add(new(FindingLevel.Warning, string.Create(CultureInfo.InvariantCulture, $"{rejected} of {rejected + good} frames fail their checksums ({(double)rejected / (rejected + good):P0}); good frames still decode."), "Check the cable and the adapter's connection; many failures can also mean a wrong parity setting."));
        }

        var skipped = facts.Counters.Framing.DiscardedBytes;
        if (skipped > 0 && rejected == 0)
        {
            var bytesLie = skipped == 1 ? "1 byte lies" : string.Create(CultureInfo.InvariantCulture, $"{skipped} bytes lie");
            findings.Add(new(FindingLevel.Info, $"{bytesLie} outside any frame (noise, a partial first frame, or separators such as CR LF); they cost nothing else."));
        }
    }

    private static void AddEncryption(DiagnosisFacts facts, List<Finding> findings)
    {
        var seen = facts.Seen;
        if (seen.CipheredApdus == 0)
        {
            return;
        }

        var sender = seen.Senders.Count > 0 ? $" (sender {string.Join(", ", seen.Senders)})" : string.Empty;
        if (seen.ProblemCount(DecodeError.Encrypted) > 0)
        {
            findings.Add(new(FindingLevel.Problem, $"The meter encrypts its data with AES-128-GCM{sender}, and no key was given.", "Ask your grid company for the meter's encryption key (GUEK; Kamstrup in Denmark calls it GPK60) and pass it with --key."));
        }

        if (seen.ProblemCount(DecodeError.WrongKey) > 0)
        {
            findings.Add(new(FindingLevel.Problem, "The key does not decrypt the frames: what comes out is not a DLMS APDU or P1 telegram.", "Check --key: 32 hex digits, the encryption key (not the authentication key), for this meter."));
        }

        if (seen.ProblemCount(DecodeError.AuthenticationFailed) > 0)
        {
            findings.Add(new(FindingLevel.Problem, "The frames' authentication tags do not match: the key or the authentication key is wrong, or frames are damaged.", "Check --key and --auth-key (in Luxembourg the authentication key is 00112233445566778899AABBCCDDEEFF)."));
        }

        if (seen.ProblemCount(DecodeError.ReplayedFrameCounter) > 0)
        {
            findings.Add(new(FindingLevel.Warning, "Some frames repeat a frame counter already seen; they were refused as replays.", "A capture that contains the same frames twice does this; a live line should not."));
        }

        if (seen.Decrypted > 0)
        {
            findings.Add(new(FindingLevel.Info, string.Create(CultureInfo.InvariantCulture, $"The key works: {seen.Decrypted} frames decrypted{sender}.")));
        }

        if (facts.UnverifiedFrames > 0)
        {
            findings.Add(new(FindingLevel.Warning, string.Create(CultureInfo.InvariantCulture, $"{facts.UnverifiedFrames} frames carry an authentication tag that could not be checked."), "Pass the authentication key with --auth-key to verify them."));
        }
    }

    private static void AddListProblems(DiagnosisFacts facts, List<Finding> findings)
    {
        var seen = facts.Seen;
        var incomplete = seen.ProblemCount(DecodeError.IncompleteSegments) + seen.ProblemCount(DecodeError.BlockOutOfOrder);
        if (incomplete > 0)
        {
            findings.Add(new(FindingLevel.Warning, string.Create(CultureInfo.InvariantCulture, $"{incomplete} {(incomplete == 1 ? "list sent in several frames or blocks was" : "lists sent in several frames or blocks were")} dropped because a part of it never came (a first or last segment or block)."), "A capture that starts or ends in the middle of a list does this once. If it happens often, frames are being lost on the line: check the cable and the adapter."));
        }

        if (seen.ProblemCount(DecodeError.UnknownLayout) > 0)
        {
            findings.Add(new(FindingLevel.Warning, "Some lists have a layout han does not know: their values are kept by position, not named.", "Please send the bug-report bundle to the han project so this meter can be added."));
        }

        var undecodable = UndecodableErrors.Sum(seen.ProblemCount);
        if (undecodable > 0)
        {
            findings.Add(new(FindingLevel.Warning, string.Create(CultureInfo.InvariantCulture, $"{undecodable} APDUs pass their checksums but do not decode."), "Please send the bug-report bundle to the han project."));
        }
    }
}
