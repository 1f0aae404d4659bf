using Microsoft.Extensions.Hosting.Systemd;

namespace Han.Cli.Service;

/// <summary>
/// The notifier the host's systemd lifetime sends READY=1 through, which tells when it has: the
/// watchdog's first ping must come after readiness. Waiting for the host's ApplicationStarted instead
/// raced with the lifetime's own callback on it (the callbacks run last registered first, the
/// watchdog's before the lifetime's), and a loaded machine sent WATCHDOG=1 before READY=1.
/// </summary>
internal sealed class ReadinessNotifier(ISystemdNotifier notifier) : ISystemdNotifier
{
    private static readonly string ReadyText = ServiceState.Ready.ToString();

    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsEnabled => notifier.IsEnabled;

    /// <summary>Completes once READY=1 has been sent.</summary>
    public Task Ready => _ready.Task;

    public void Notify(ServiceState state)
    {
        notifier.Notify(state);
        if (state.ToString() == ReadyText)
        {
            _ready.TrySetResult();
        }
    }
}
