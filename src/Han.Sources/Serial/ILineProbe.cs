namespace Han.Sources.Serial;

/// <summary>
/// Listens to a serial line at one setting: all that line-setting detection needs from a serial port,
/// so that it is tested without one (the tests drive it with a bit-level UART line model).
/// </summary>
public interface ILineProbe
{
    /// <summary>
    /// Whether <see cref="LineChunk.LineErrors"/> counts what the UART flagged. A port opened with
    /// System.IO.Ports on Linux cannot: it turns parity checking off (INPCK) and ignores breaks (IGNBRK),
    /// so bytes with parity or framing errors arrive as read and nothing says so. Linux still counts them
    /// per port (the TIOCGICOUNT ioctl: frame, parity, brk), which a probe may read before and after.
    /// </summary>
    bool CountsLineErrors { get; }

    /// <summary>
    /// Opens the line at <paramref name="settings"/> and yields the bytes as they arrive, for at most
    /// <paramref name="window"/>, then ends. The caller may stop earlier by disposing the enumerator; the
    /// line is closed either way.
    /// </summary>
    IAsyncEnumerable<LineChunk> ListenAsync(LineSettings settings, TimeSpan window, CancellationToken cancellationToken);
}
