namespace Han.Sources;

/// <summary>How the bytes of an input file are written.</summary>
public enum InputEncoding
{
    /// <summary>The bytes as received from the meter.</summary>
    Binary,

    /// <summary>Hexadecimal text; whitespace and line breaks between digits are ignored.</summary>
    HexText,
}
