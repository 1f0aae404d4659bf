namespace Han.Pipeline.Diagnosis;

/// <summary>What a diagnosis observed, from which its findings follow.</summary>
public sealed record DiagnosisFacts(
    InputKind Kind,
    DecodeCounters Counters,
    DiagnosisObserver Seen,
    ByteProfile Bytes,
    long UnverifiedFrames,
    long SevenBitTelegrams);
