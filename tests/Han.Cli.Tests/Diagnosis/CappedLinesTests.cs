using System.Text;
using Han.Cli.Diagnosis;

namespace Han.Cli.Tests.Diagnosis;

public sealed class CappedLinesTests
{
    [Fact]
    public void Write_PastTheLimit_KeepsOnlyWholeLinesAndCountsTheRest()
    {
        var inner = new MemoryStream();
        using var capped = new CappedLines(inner, limit: 10);

        capped.Write("abc\ndef\nghi\n"u8); // 12 bytes: the third line does not fit
        capped.Write("jkl\nmn"u8);

        Assert.Equal("abc\ndef\n", Encoding.ASCII.GetString(inner.ToArray()));
        Assert.Equal(8, capped.Kept);
        Assert.Equal(2, capped.LinesLeftOut);
    }

    [Fact]
    public void Write_ExactlyToTheLimit_KeepsEverythingAndLeavesNothingOut()
    {
        var inner = new MemoryStream();
        using var capped = new CappedLines(inner, limit: 8);

        capped.Write("abc\ndef\n"u8);

        Assert.Equal(8, inner.Length);
        Assert.Equal(0, capped.LinesLeftOut);
    }

    [Fact]
    public void Write_InnerStreamFails_KeepsTheFailureAndDoesNotThrow()
    {
        using var capped = new CappedLines(new ReadOnlyMemoryStream(), limit: 100);

        capped.Write("abc\n"u8);
        capped.Write("def\n"u8);

        Assert.IsType<IOException>(capped.Failure);
        Assert.Equal(0, capped.Kept);
    }

    private sealed class ReadOnlyMemoryStream : MemoryStream
    {
        public override void Write(ReadOnlySpan<byte> buffer) => throw new IOException("No space left on device");
    }
}
