using Han.Protocol;

namespace Han.Pipeline;

/// <summary>
/// Something in the input that did not become a reading: skipped bytes, a rejected frame, or a frame
/// whose content did not decode. <see cref="Offset"/> is the byte offset in the input stream.
/// </summary>
public readonly record struct DecodeProblem(DecodeError Error, DecodeLayer Layer, long Offset, string Detail);
