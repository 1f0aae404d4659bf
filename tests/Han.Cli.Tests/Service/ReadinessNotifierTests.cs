using Han.Cli.Service;
using Microsoft.Extensions.Hosting.Systemd;

namespace Han.Cli.Tests.Service;

/// <summary>The watchdog waits for READY=1 itself to have gone out, not for the host's start, whose callbacks race.</summary>
public sealed class ReadinessNotifierTests
{
    [Fact]
    public void Ready_OnlyOnceReadyHasBeenSentOn()
    {
        var sent = new List<string>();
        var readiness = new ReadinessNotifier(new RecordingNotifier(sent));

        readiness.Notify(new ServiceState("STATUS=house: 0 readings"));
        Assert.False(readiness.Ready.IsCompleted);
        readiness.Notify(ServiceState.Ready);

        Assert.True(readiness.Ready.IsCompleted);
        Assert.Equal(["STATUS=house: 0 readings", "READY=1"], sent);
    }

    private sealed class RecordingNotifier(List<string> sent) : ISystemdNotifier
    {
        public bool IsEnabled => true;

        public void Notify(ServiceState state) => sent.Add(state.ToString());
    }
}
