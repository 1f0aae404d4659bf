namespace Han.Sources.Live;

/// <summary>What a live source is doing, for the status line and the log.</summary>
public enum SourceState
{
    /// <summary>Opening the device or connecting.</summary>
    Connecting,

    /// <summary>Searching for the line setting of a serial device, or telling what the search found.</summary>
    Detecting,

    /// <summary>Open or connected: bytes may arrive.</summary>
    Connected,

    /// <summary>Lost (unplugged, closed by the bridge, silent too long); a retry follows.</summary>
    Disconnected,
}

/// <summary>A change of a source's state, with the reason in words and, when disconnected, when the next attempt comes.</summary>
public sealed record SourceEvent(SourceState State, string Message, TimeSpan? RetryIn = null);
