using System.IO.Ports;
using Han.Sources.Live;

namespace Han.Sources.Serial;

/// <summary>Opens a serial device at a line setting with System.IO.Ports; what stops it becomes a sentence saying what to do.</summary>
public static class SerialPortOpener
{
    /// <summary>The open port, or a <see cref="SourceUnavailableException"/> with the reason and the next step.</summary>
    public static SerialPort OpenOrExplain(string device, LineSettings settings)
    {
        try
        {
            return Open(device, settings);
        }
        catch (Exception failure) when (IsOpenFailure(failure))
        {
            throw new SourceUnavailableException(SerialOpenFailure.Describe(device, failure, SerialDevices.Describe()), failure);
        }
    }

    public static SerialPort Open(string device, LineSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (IsPseudoTerminal(device))
        {
            // The Linux pty driver clears the parity bit and forces 8 data bits on every setting
            // (integrations.md §4.4), and System.IO.Ports then refuses to open a pty a second time with
            // parity set. A pty carries bytes unchanged at any setting, so it is opened without parity.
            settings = settings with { Parity = LineParity.None, DataBits = 8 };
        }

        var port = new SerialPort(device, settings.Baud, ToParity(settings.Parity), settings.DataBits, settings.StopBits == 2 ? StopBits.Two : StopBits.One)
        {
            Handshake = Handshake.None,
            ReadBufferSize = 16 * 1024,
        };
        try
        {
            port.Open();
            return port;
        }
        catch
        {
            port.Dispose();
            throw;
        }
    }

    /// <summary>What System.IO.Ports throws when a device cannot be opened (it says "access denied" for most causes).</summary>
    public static bool IsOpenFailure(Exception failure) =>
        failure is UnauthorizedAccessException or IOException or ArgumentException or InvalidOperationException;

    /// <summary>A pseudo-terminal (socat, a simulator): the device, or the link to it, is under /dev/pts.</summary>
    public static bool IsPseudoTerminal(string device)
    {
        var target = new FileInfo(device).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? device;
        return target.StartsWith("/dev/pts/", StringComparison.Ordinal);
    }

    private static Parity ToParity(LineParity parity) => parity switch
    {
        LineParity.Even => Parity.Even,
        LineParity.Odd => Parity.Odd,
        _ => Parity.None,
    };
}
