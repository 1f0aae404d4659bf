using System.Diagnostics;

namespace Han.TestCorpus.Servers;

/// <summary>
/// Two linked pseudo-terminals made by a real socat (<c>pty,raw,echo=0</c> on both ends), as the
/// serial tests use in place of a meter and an adapter: what is written to <see cref="MeterEnd"/> is read
/// from <see cref="ReaderEnd"/>. <see cref="Unplug"/> ends socat, so both devices disappear, as an
/// unplugged USB adapter does; <see cref="PlugIn"/> makes them again under the same names. socat is
/// installed by test.sh; without it the test fails, it is never skipped.
/// </summary>
public sealed class PseudoTerminalPair : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("han-test-pty-").FullName;
    private Process? _socat;

    public PseudoTerminalPair()
    {
        MeterEnd = Path.Combine(_folder, "meter");
        ReaderEnd = Path.Combine(_folder, "ttyHAN");
        PlugIn();
    }

    /// <summary>Where the meter (or simulator) writes.</summary>
    public string MeterEnd { get; }

    /// <summary>The device han reads, like /dev/ttyUSB0.</summary>
    public string ReaderEnd { get; }

    public void PlugIn()
    {
        var start = new ProcessStartInfo("socat")
        {
            UseShellExecute = false,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "-d", "-d", $"pty,raw,echo=0,link={MeterEnd}", $"pty,raw,echo=0,link={ReaderEnd}" })
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            _socat = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception missing)
        {
            throw new InvalidOperationException("socat is not installed; ./test.sh installs it (apt-get install socat)", missing);
        }

        _socat.ErrorDataReceived += (_, _) => { };
        _socat.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!(File.Exists(MeterEnd) && File.Exists(ReaderEnd)))
        {
            if (DateTime.UtcNow > deadline || _socat.HasExited)
            {
                throw new InvalidOperationException("socat did not make the pseudo-terminal pair");
            }

            Thread.Sleep(20);
        }
    }

    public void Unplug()
    {
        if (_socat is { HasExited: false })
        {
            // SIGTERM: socat closes both devices and removes its links, as an unplugged adapter vanishes.
            using var kill = Process.Start("kill", ["-TERM", _socat.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            kill.WaitForExit();
            if (!_socat.WaitForExit(5000))
            {
                _socat.Kill();
                _socat.WaitForExit();
            }
        }

        _socat?.Dispose();
        _socat = null;
        File.Delete(MeterEnd);
        File.Delete(ReaderEnd);
    }

    /// <summary>Writes bytes as the meter would, through the other end.</summary>
    public void Send(ReadOnlySpan<byte> bytes)
    {
        using var meter = new FileStream(MeterEnd, FileMode.Open, FileAccess.Write);
        meter.Write(bytes);
    }

    public void Dispose()
    {
        Unplug();
        Directory.Delete(_folder, recursive: true);
    }
}
