namespace Han.Protocol.Diagnostics;

/// <summary>
/// A named run of bytes in a frame, as a protocol analyser shows it. <see cref="Offset"/> is relative to
/// the buffer that was annotated. <see cref="TreeLine"/> is set on the first annotation of each
/// structural item (a frame, a header, an A-XDR element) and is what the tree view prints.
/// </summary>
public sealed record Annotation(int Offset, int Length, int Depth, string Label, string? TreeLine = null);
