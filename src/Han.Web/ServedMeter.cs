using Han.Live.Fanout;

namespace Han.Web;

/// <summary>A meter as the web server shows it: its live state and the queues of its outputs (for /metrics).</summary>
public sealed record ServedMeter(LiveMeter Live, IReadOnlyList<QueuedSink> Queues);
