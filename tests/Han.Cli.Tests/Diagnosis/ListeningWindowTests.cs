using Han.Cli.Diagnosis;
using Han.Sources.Live;

namespace Han.Cli.Tests.Diagnosis;

/// <summary>How long a live diagnosis listens: the duration from when the source is open, the search for the line setting left out.</summary>
public sealed class ListeningWindowTests
{
    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(300);

    [Fact]
    public async Task Over_SourceThatNeverOpens_EndsAfterTheDurationFromTheStart()
    {
        using var window = new ListeningWindow(Short, TimeProvider.System);

        await WaitUntilOverAsync(window);

        Assert.Null(window.OpenedAt);
        Assert.False(window.NoLineSetting);
    }

    [Fact]
    public async Task Over_WhileTheLineSettingIsSought_DoesNotRunAndStartsOverWhenTheSourceOpens()
    {
        using var window = new ListeningWindow(Short, TimeProvider.System);

        window.Follow(new SourceEvent(SourceState.Detecting, "finding the line setting"));
        await Task.Delay(Short * 2);
        Assert.False(window.Over.IsCancellationRequested);
        Assert.Null(window.EndsAt);
        window.Follow(new SourceEvent(SourceState.Connected, "reading /dev/ttyUSB0 (2400 8E1)"));

        Assert.Equal(window.OpenedAt + Short, window.EndsAt);
        await WaitUntilOverAsync(window);
        Assert.True(DateTimeOffset.UtcNow >= window.EndsAt);
    }

    [Fact]
    public void Over_NoLineSettingFound_EndsAtOnce()
    {
        using var window = new ListeningWindow(TimeSpan.FromHours(1), TimeProvider.System);

        window.Follow(new SourceEvent(SourceState.Detecting, "finding the line setting"));
        window.Follow(new SourceEvent(SourceState.Disconnected, "Nothing arrived at any setting. Trying again", TimeSpan.FromSeconds(30)));

        Assert.True(window.Over.IsCancellationRequested);
        Assert.True(window.NoLineSetting);
    }

    [Fact]
    public void Over_BridgeThatDropsOnceOpen_KeepsTheFirstOpeningsEnd()
    {
        using var window = new ListeningWindow(TimeSpan.FromHours(1), TimeProvider.System);
        window.Follow(new SourceEvent(SourceState.Connected, "connected to tcp://pi:3001"));
        var ends = window.EndsAt;

        window.Follow(new SourceEvent(SourceState.Disconnected, "the bridge closed the connection", TimeSpan.FromSeconds(1)));
        window.Follow(new SourceEvent(SourceState.Connected, "connected to tcp://pi:3001"));

        Assert.Equal(ends, window.EndsAt);
        Assert.False(window.Over.IsCancellationRequested);
    }

    private static async Task WaitUntilOverAsync(ListeningWindow window)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!window.Over.IsCancellationRequested)
        {
            Assert.True(DateTime.UtcNow < deadline, "the window never ended");
            await Task.Delay(20);
        }
    }
}
