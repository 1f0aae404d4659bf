using Microsoft.Win32.SafeHandles;

namespace Han.Cli.Io;

/// <summary>
/// What became of descriptors 0, 1 and 2. A process started with one of them closed (<c>han decode
/// &lt;&amp;-</c>) does not see it closed: the runtime opens its own pipes and files at start, and the
/// lowest free number goes to the first of them. Reading "standard input" then waits forever on the
/// runtime's pipe; writing "standard output" fails or feeds that pipe. Such a descriptor is told apart
/// by its close-on-exec flag: no descriptor inherited through exec can carry it, every descriptor the
/// runtime opens does. Linux only (<c>/proc/self/fdinfo</c>); elsewhere every descriptor counts as open.
/// </summary>
internal static class StandardDescriptors
{
    private const int CloseOnExec = 0x80000; // O_CLOEXEC, 02000000 octal, as fdinfo prints the flags

    /// <summary>Handles on /dev/null that fill free standard descriptors for as long as the process runs.</summary>
    private static readonly List<SafeFileHandle> Fillers = [];

    /// <summary>True when <paramref name="descriptor"/> was not open when han started.</summary>
    public static bool WasClosedAtStart(int descriptor)
    {
        if (!Directory.Exists("/proc/self/fdinfo"))
        {
            return false;
        }

        string info;
        try
        {
            info = File.ReadAllText($"/proc/self/fdinfo/{descriptor}");
        }
        catch (FileNotFoundException)
        {
            return true; // not open at all
        }
        catch (Exception unreadable) when (IoFailure.Is(unreadable))
        {
            return false; // a restricted /proc: nothing known, so nothing refused
        }

        foreach (var line in info.Split('\n'))
        {
            if (line.StartsWith("flags:", StringComparison.Ordinal))
            {
                return (Convert.ToInt32(line["flags:".Length..].Trim(), 8) & CloseOnExec) != 0;
            }
        }

        return false;
    }

    /// <summary>
    /// Opens /dev/null on every standard descriptor that is still free, so that no file han opens later
    /// (a bundle, a capture) lands on number 1 or 2 and receives what was meant for the terminal.
    /// </summary>
    public static void FillFreeWithNull()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        // Each open takes the lowest free number: keep those below 3, give back the first one above.
        while (true)
        {
            var handle = File.OpenHandle("/dev/null", FileMode.Open, FileAccess.ReadWrite);
            if (handle.DangerousGetHandle() > 2)
            {
                handle.Dispose();
                return;
            }

            Fillers.Add(handle);
        }
    }
}
