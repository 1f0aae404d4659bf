namespace Han.Sources.Serial;

/// <summary>
/// Why a serial device could not be opened, in words with the next step. System.IO.Ports says "access
/// denied" for a missing device, a forbidden one and others alike, so the cause is found by looking:
/// does the path exist, may this user open it at all.
/// </summary>
public static class SerialOpenFailure
{
    public static string Describe(string device, Exception failure, IReadOnlyList<string> devicesHere)
    {
        ArgumentNullException.ThrowIfNull(failure);
        ArgumentNullException.ThrowIfNull(devicesHere);
        if (!File.Exists(device))
        {
            var here = devicesHere.Count == 0
                ? "no serial devices are here at all: is the adapter plugged in? ('dmesg | tail' shows what the system saw when you plugged it)"
                : "serial devices here: " + string.Join(", ", devicesHere) + "; the /dev/serial/by-id names stay the same after re-plugging";
            return $"{device} does not exist; {here}";
        }

        if (!MayOpen(device))
        {
            return $"permission denied for {device}: serial devices belong to the group dialout on Debian and Raspberry Pi OS; join it with 'sudo usermod -aG dialout $USER', then log out and in again (a service gets it with SupplementaryGroups=dialout)";
        }

        return failure is ArgumentException or IOException or UnauthorizedAccessException
            ? $"{device} is busy or cannot be set up as a serial line: is another program using it (ModemManager, ser2net, another han)? 'fuser {device}' names it"
            : $"{device} cannot be opened: {failure.Message}";
    }

    /// <summary>
    /// Whether the file permissions let this user open the device for reading and writing. A serial
    /// device opened without O_NONBLOCK may wait for its carrier line: past the permission check, so a
    /// wait means "allowed" (the stuck probe ends with the process).
    /// </summary>
    private static bool MayOpen(string device)
    {
        var probe = Task.Run(() =>
        {
            try
            {
                using var handle = File.OpenHandle(device, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
                return true;
            }
            catch (UnauthorizedAccessException)
            {
                return false;
            }
            catch (IOException)
            {
                return true; // opened far enough to be refused for another reason
            }
        });
        return !probe.Wait(TimeSpan.FromSeconds(1)) || probe.Result;
    }
}
