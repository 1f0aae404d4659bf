namespace Han.Protocol.Axdr;

/// <summary>What <see cref="AxdrLength.TryRead"/> found; each caller turns a failure into its own layer's error.</summary>
internal enum AxdrLengthStatus
{
    Read,

    /// <summary>The data ends where the length field should start.</summary>
    End,

    /// <summary>A first byte of 0x80 or 0x85-0xFF, which no length field has.</summary>
    BadPrefix,

    /// <summary>The data ends inside a multi-byte length field.</summary>
    CutShort,
}
