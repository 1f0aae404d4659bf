namespace Han.Sources.Serial;

/// <summary>The parity bit of a serial line: none, even or odd (mark and space are not used by meters).</summary>
public enum LineParity
{
    None,
    Even,
    Odd,
}
