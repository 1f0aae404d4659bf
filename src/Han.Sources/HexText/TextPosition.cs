namespace Han.Sources.HexText;

/// <summary>
/// Where a character stands in the text the user gave: line and column, both from 1, columns counted in
/// characters (a byte-order mark is not one), so an error points where an editor shows it.
/// </summary>
internal readonly record struct TextPosition(long Line, long Column)
{
    public override string ToString() => $"line {Line}, column {Column}";
}
