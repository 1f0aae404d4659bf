namespace Han.Sources.Serial;

/// <summary>
/// The serial devices this machine has, as a user should name them: the stable names under
/// <c>/dev/serial/by-id</c> (they survive re-plugging and reboots, unlike <c>/dev/ttyUSB0</c>) with the
/// device each points to, then the plain devices of USB adapters and a Raspberry Pi's own UART.
/// </summary>
public static class SerialDevices
{
    private const string ById = "/dev/serial/by-id";

    private static readonly string[] PlainPatterns = ["ttyUSB*", "ttyACM*", "ttyAMA*", "serial0", "serial1"];

    /// <summary>One line per device: <c>/dev/serial/by-id/usb-FTDI_... (/dev/ttyUSB0)</c>, then those without a stable name.</summary>
    public static IReadOnlyList<string> Describe(string devFolder = "/dev")
    {
        var lines = new List<string>();
        var named = new HashSet<string>(StringComparer.Ordinal);
        var byId = devFolder == "/dev" ? ById : Path.Combine(devFolder, "serial", "by-id");
        if (Directory.Exists(byId))
        {
            foreach (var link in Directory.GetFiles(byId).Order(StringComparer.Ordinal))
            {
                var target = ResolvedTarget(link);
                named.Add(target);
                lines.Add($"{link} ({target})");
            }
        }

        foreach (var pattern in PlainPatterns)
        {
            foreach (var device in Directory.GetFiles(devFolder, pattern).Order(StringComparer.Ordinal))
            {
                if (!named.Contains(device))
                {
                    lines.Add(device);
                }
            }
        }

        return lines;
    }

    private static string ResolvedTarget(string link)
    {
        var target = new FileInfo(link).LinkTarget;
        return target is null ? link : Path.GetFullPath(target, Path.GetDirectoryName(link)!);
    }
}
