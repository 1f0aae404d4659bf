namespace Han.Sources.HexText;

/// <summary>
/// Where a character stands in the text the user gave: line and column, both from 1, columns counted in
/// characters as an editor shows them (an emoji is one, a byte-order mark none; CR LF, LF and a lone CR
/// each end a line), so an error points where the user looks.
/// </summary>
internal readonly record struct TextPosition(long Line, long Column)
{
    public override string ToString() => $"line {Line}, column {Column}";
}
