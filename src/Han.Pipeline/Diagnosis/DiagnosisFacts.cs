namespace Han.Pipeline.Diagnosis;

/// <summary>What a diagnosis observed, from which its findings follow.</summary>
/// <param name="StartsLikeMessage">The input begins as a lone LLC information field or APDU does (<c>E6 E7 00</c>, <c>0F</c>, <c>DB</c>...).</param>
public sealed record DiagnosisFacts(
    InputKind Kind,
    DecodeCounters Counters,
    DiagnosisObserver Seen,
    ByteProfile Bytes,
    long UnverifiedFrames,
    long SevenBitTelegrams,
    bool StartsLikeMessage);
