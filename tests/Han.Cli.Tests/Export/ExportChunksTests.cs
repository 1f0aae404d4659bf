using Han.Cli.Export;
using Han.Storage.Queries;

namespace Han.Cli.Tests.Export;

public sealed class ExportChunksTests
{
    private static readonly DateTimeOffset Start = new(2025, 5, 31, 22, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(0.5, 1)]
    [InlineData(1, 1)]
    [InlineData(2.25, 3)]
    [InlineData(31, 31)]
    public void Of_ARange_ConsecutiveDaysThatCoverItExactly(double days, int pieces)
    {
        var range = new HistoryRange(Start, Start.AddDays(days));

        var chunks = ExportChunks.Of(range, TimeSpan.FromDays(1)).ToList();

        Assert.Equal(pieces, chunks.Count);
        Assert.Equal(range.From, chunks[0].From);
        Assert.Equal(range.To, chunks[^1].To);
        Assert.All(chunks.Zip(chunks.Skip(1)), pair => Assert.Equal(pair.First.To, pair.Second.From));
        Assert.All(chunks, chunk => Assert.InRange(chunk.Length, TimeSpan.FromTicks(1), TimeSpan.FromDays(1)));
    }

    [Fact]
    public void Of_AnEmptyRange_NoPiece()
    {
        Assert.Empty(ExportChunks.Of(new HistoryRange(Start, Start), TimeSpan.FromDays(1)));
    }
}
