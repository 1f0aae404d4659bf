using Han.Live.Fanout;

namespace Han.Live.Tests.Fanout;

public sealed class QueuedSinkTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly List<(string Text, NoteLevel Level)> _reports = [];

    [Fact]
    public async Task Offer_SinkHeldUp_NeverWaitsKeepsTheNewestAndCountsTheDropped()
    {
        var sink = new RecordingSink(held: true);
        var queued = new QueuedSink(sink, capacity: 10, Report);
        queued.Offer(RecordingSink.Note("0"));
        await sink.Waiting.Task.WaitAsync(Patience); // "0" is taken and waits at the gate

        for (var i = 1; i <= 100; i++)
        {
            queued.Offer(RecordingSink.Note(i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        sink.Release();
        await queued.CompleteAsync(Patience);

        Assert.Equal(["0", .. Enumerable.Range(91, 10).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))], sink.Written);
        Assert.Equal(101, queued.Counters.Offered);
        Assert.Equal(11, queued.Counters.Written);
        Assert.Equal(90, queued.Counters.Dropped);
        Assert.Equal(queued.Counters.Offered, queued.Counters.Written + queued.Counters.Dropped + queued.Counters.Failed);
    }

    [Fact]
    public async Task Offer_EventTheSinkDoesNotTake_IsNeitherQueuedNorCounted()
    {
        var sink = new RecordingSink();
        var queued = new QueuedSink(sink, capacity: 10, Report);

        queued.Offer(new BytesReceived("house", DateTimeOffset.UnixEpoch, new byte[] { 0x7E }));
        queued.Offer(RecordingSink.Note("kept"));
        await queued.CompleteAsync(Patience);

        Assert.Equal(["kept"], sink.Written);
        Assert.Equal(1, queued.Counters.Offered);
    }

    [Fact]
    public async Task Write_SinkFailsForAWhile_CountsEachLostEventAndReportsOnlyTheStartAndTheEnd()
    {
        var sink = new RecordingSink();
        sink.FailOn.UnionWith(["b", "c", "d"]);
        var queued = new QueuedSink(sink, capacity: 100, Report);

        foreach (var text in new[] { "a", "b", "c", "d", "e" })
        {
            queued.Offer(RecordingSink.Note(text));
        }

        await queued.CompleteAsync(Patience);

        Assert.Equal(["a", "e"], sink.Written);
        Assert.Equal(3, queued.Counters.Failed);
        Assert.Equal(2, queued.Counters.Written);
        Assert.Collection(
            _reports,
            first => Assert.Equal(("recording: no space left for b; its events are counted as lost until it works again", NoteLevel.Error), first),
            second => Assert.Equal(("recording: writing again; 3 events were lost meanwhile", NoteLevel.Information), second));
    }

    [Fact]
    public async Task Complete_EventsQueued_WritesThemAllThenFlushesAndClosesTheSink()
    {
        var sink = new RecordingSink(held: true);
        var queued = new QueuedSink(sink, capacity: 100, Report);
        for (var i = 0; i < 50; i++)
        {
            queued.Offer(RecordingSink.Note($"{i}"));
        }

        var completing = queued.CompleteAsync(Patience);
        sink.Release();
        await completing;

        Assert.Equal(50, sink.Written.Count);
        Assert.True(sink.Flushes >= 1);
        Assert.True(sink.Disposed);
    }

    [Fact]
    public async Task Complete_SinkNeverReturns_GivesUpAfterThePatienceAndCountsWhatWasLeft()
    {
        var sink = new RecordingSink(held: true);
        var queued = new QueuedSink(sink, capacity: 100, Report);
        for (var i = 0; i < 5; i++)
        {
            queued.Offer(RecordingSink.Note($"{i}"));
        }

        await sink.Waiting.Task.WaitAsync(Patience);
        await queued.CompleteAsync(TimeSpan.FromMilliseconds(100)).WaitAsync(Patience);

        Assert.Empty(sink.Written);
        Assert.Equal(5, queued.Counters.Dropped); // the one being written when patience ran out too
        Assert.True(sink.Disposed);
    }

    [Fact]
    public async Task Offer_AfterTheEnd_IsCountedAsDropped()
    {
        var sink = new RecordingSink();
        var queued = new QueuedSink(sink, capacity: 10, Report);
        await queued.CompleteAsync(Patience);

        queued.Offer(RecordingSink.Note("late"));

        Assert.Empty(sink.Written);
        Assert.Equal(1, queued.Counters.Dropped);
    }

    private void Report(string text, NoteLevel level) => _reports.Add((text, level));
}
