using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;

namespace Han.Cli.Service;

/// <summary>
/// Under systemd with <c>WatchdogSec=</c> (deploy/han.service), pings the watchdog at half its interval
/// (sd_watchdog_enabled(3): systemd passes the interval as <c>WATCHDOG_USEC</c>) and keeps the status
/// line of <c>systemctl status han</c> current. The ping comes from a timer on the thread pool, so a
/// deadlocked or starved process stops pinging and systemd restarts it. Readiness (READY=1) is sent by
/// the host's systemd lifetime once every service has started; the first ping waits for it.
/// </summary>
/// <param name="ready">Completes once READY=1 has gone out (<see cref="ReadinessNotifier"/>), or the host has started when there is no notify socket.</param>
internal sealed class SystemdWatchdog(ISystemdNotifier notifier, TimeSpan interval, IReadOnlyList<MeterPipeline> meters, Task ready, TimeProvider clock) : BackgroundService
{
    private static readonly ServiceState Ping = new("WATCHDOG=1");

    /// <summary>The watchdog interval systemd asked for, or null when it asked for none (or for another process).</summary>
    public static TimeSpan? Interval(Func<string, string?> environment)
    {
        if (environment("WATCHDOG_PID") is { } pid && pid != Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            return null;
        }

        return long.TryParse(environment("WATCHDOG_USEC"), out var microseconds) && microseconds > 0
            ? TimeSpan.FromMicroseconds(microseconds)
            : null;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // A watchdog ping before readiness would tell systemd nothing, and reads oddly in a trace.
        if (!await Started(stoppingToken).ConfigureAwait(false))
        {
            return;
        }

        using var timer = new PeriodicTimer(interval / 2, clock);
        do
        {
            notifier.Notify(Ping);
            notifier.Notify(new ServiceState("STATUS=" + Status()));
        }
        while (await Tick(timer, stoppingToken).ConfigureAwait(false));
    }

    private async Task<bool> Started(CancellationToken stoppingToken)
    {
        try
        {
            await ready.WaitAsync(stoppingToken).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private static async Task<bool> Tick(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary><c>house: connected, 1234 readings, last 2 s ago; cabin: ...</c></summary>
    private string Status() => string.Join("; ", meters.Select(m =>
    {
        var last = m.Stats.LastReading is { } at ? $"last {(clock.GetUtcNow() - at).TotalSeconds:0} s ago" : "no reading yet";
        return $"{m.Name}: {m.Stats.State}, {m.Stats.Readings} readings, {last}";
    }));
}
