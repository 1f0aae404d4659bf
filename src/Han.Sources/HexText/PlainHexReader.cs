namespace Han.Sources.HexText;

/// <summary>
/// Hex written as runs of digits between separators: <c>7E A0 E2</c>, <c>7EA0E2</c>, <c>xxd -p</c>
/// output, and the byte lists of forums and tools (<c>7E-A0-E2</c>, <c>7e:a0:e2</c>, <c>7E,A0</c>,
/// <c>7E;A0</c>). Each run must hold whole bytes: a run with an odd number of digits is where the digits
/// stop pairing up, so it is reported there (a digit never pairs with one across a separator).
/// </summary>
internal sealed class PlainHexReader : HexFormReader
{
    private bool _skipping;

    public override string Name => "hex text";

    /// <summary>The widths of the groups read (a dump of words without offsets is refused by them).</summary>
    public GroupWidths Groups { get; } = new();

    /// <summary>Whitespace of any kind (forums paste no-break spaces) and the byte separators tools print.</summary>
    public static bool IsSeparator(char c) => char.IsWhiteSpace(c) || c is ',' or ';' or ':' or '-';

    protected override void Read(char c)
    {
        var nibble = HexRun.NibbleOf(c);
        if (nibble >= 0)
        {
            if (_skipping)
            {
                return;
            }

            if (!Run.IsOpen)
            {
                BeginRun();
            }

            Run.Add(nibble, Position.Column);
        }
        else if (IsSeparator(c))
        {
            _skipping = false;
            EndGroup();
        }
        else if (!_skipping)
        {
            // After an error the rest of this word is skipped, so one typo counts once; the run it
            // interrupts is no whole run either.
            _skipping = true;
            Run.End();
            Fail(Position, $"{DescribeCurrent()} is not a hex digit or a separator (space, line break, ',', ';', ':' or '-')");
        }
    }

    protected override void End() => EndGroup();

    private void EndGroup()
    {
        if (Run.IsOpen)
        {
            Groups.Ended(Run.Digits, Run.Start);
            EndRun();
        }
    }
}
