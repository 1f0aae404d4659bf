using System.IO.Ports;
using System.Runtime.CompilerServices;
using Han.Sources.Live;

namespace Han.Sources.Serial;

/// <summary>
/// The line-setting detector's ear on a real serial device: opens it with System.IO.Ports at a setting,
/// hands over what arrives for the window, and closes it. It cannot count parity or framing errors
/// (see <see cref="ILineProbe.CountsLineErrors"/>). A device that cannot be opened ends the detection
/// with a <see cref="SourceUnavailableException"/> saying why.
/// </summary>
public sealed class SerialPortProbe : ILineProbe
{
    private readonly string _device;
    private readonly TimeProvider _time;

    public SerialPortProbe(string device, TimeProvider time)
    {
        _device = device;
        _time = time;
    }

    public bool CountsLineErrors => false;

    public async IAsyncEnumerable<LineChunk> ListenAsync(LineSettings settings, TimeSpan window, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var port = SerialPortOpener.OpenOrExplain(_device, settings);
        using var timeout = new CancellationTokenSource(window, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var buffer = new byte[4096];
        while (true)
        {
            int read;
            try
            {
                read = await port.BaseStream.ReadAsync(buffer, linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                yield break; // the window is over
            }

            if (read == 0)
            {
                yield break;
            }

            yield return new LineChunk(buffer.AsMemory(0, read).ToArray());
        }
    }
}
