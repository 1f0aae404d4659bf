using Han.Sources.HexText;

namespace Han.Sources.Tests;

public sealed class RepeatedLineTests
{
    private const long FortyMebibytes = 40L * 1024 * 1024;

    [Fact]
    public void Expand_StarsThatTogetherStandForMoreThanTheCap_RefusesTheOneThatPassesIt()
    {
        // Each '*' alone stays under the cap; a text of many such lines would otherwise invent gigabytes.
        var repeat = RepeatingALineOf16Bytes();
        repeat.Start(new TextPosition(2, 1));
        Assert.Null(repeat.Expand(FortyMebibytes));

        repeat.Start(new TextPosition(5, 1));
        var problem = repeat.Expand(FortyMebibytes);

        Assert.Equal("the '*' on line 5 would repeat the line before 2621440 times (41943040 bytes), with the 41943040 bytes the '*' lines before it stood for, more than the 64 MiB the '*' lines of one text may stand for: check the offset after it; if the capture really holds that many equal lines, give han the binary file the dump was made from", problem);
    }

    [Fact]
    public void Expand_StarsThatTogetherStandForExactlyTheCap_AreOwed()
    {
        var repeat = RepeatingALineOf16Bytes();
        repeat.Start(new TextPosition(2, 1));
        Assert.Null(repeat.Expand(RepeatedLine.MaxBytes - 16));

        repeat.Start(new TextPosition(5, 1));

        Assert.Null(repeat.Expand(16));
    }

    [Fact]
    public void Flush_CopiesOwedAcrossSmallBuffers_WritesTheLineOverAndOverFromWhereItStopped()
    {
        var repeat = RepeatingALineOf16Bytes();
        repeat.Start(new TextPosition(2, 1));
        repeat.Expand(48);
        var written = new List<byte>();
        var buffer = new byte[7];

        bool owing;
        do
        {
            var sink = new ByteSink(buffer);
            owing = repeat.Flush(ref sink);
            written.AddRange(buffer[..sink.Written]);
        }
        while (owing);

        Assert.Equal(Enumerable.Repeat(Line, 3).SelectMany(line => line), written);
    }

    private static byte[] Line => [.. Enumerable.Range(0, 16).Select(i => (byte)i)];

    private static RepeatedLine RepeatingALineOf16Bytes()
    {
        var line = new DumpLine();
        foreach (var b in Line)
        {
            line.Add(b);
        }

        var repeat = new RepeatedLine();
        repeat.Remember(line);
        return repeat;
    }
}
